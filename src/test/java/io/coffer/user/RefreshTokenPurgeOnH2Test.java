package io.coffer.user;

import io.coffer.testing.Engine;

class RefreshTokenPurgeOnH2Test extends RefreshTokenPurgeCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
