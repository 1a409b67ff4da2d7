package io.coffer.keys;

import io.coffer.testing.Engine;

class KeysAtRestOnH2Test extends KeysAtRestCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
