package io.coffer.workspace;

import io.coffer.testing.Engine;

class WhoSeesWhatOnH2Test extends WhoSeesWhatCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
