package io.coffer.db;

import io.coffer.testing.Engine;

class PoolExhaustionOnH2Test extends PoolExhaustionCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
