package io.coffer.request;

import io.coffer.testing.Engine;

class GovernedSendStoryOnH2Test extends GovernedSendStoryCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
