package io.coffer.db;

import io.coffer.testing.Engine;

class PoolExhaustionOnPostgresTest extends PoolExhaustionCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
