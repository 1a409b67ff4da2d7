package io.coffer.user;

import io.coffer.testing.Engine;

class RefreshTokenPurgeOnPostgresTest extends RefreshTokenPurgeCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
