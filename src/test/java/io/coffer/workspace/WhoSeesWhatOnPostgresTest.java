package io.coffer.workspace;

import io.coffer.testing.Engine;

class WhoSeesWhatOnPostgresTest extends WhoSeesWhatCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
