package io.coffer.keys;

import io.coffer.testing.Engine;

class KeysAtRestOnPostgresTest extends KeysAtRestCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
