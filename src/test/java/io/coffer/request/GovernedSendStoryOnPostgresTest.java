package io.coffer.request;

import io.coffer.testing.Engine;

class GovernedSendStoryOnPostgresTest extends GovernedSendStoryCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
