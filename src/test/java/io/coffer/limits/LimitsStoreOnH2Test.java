package io.coffer.limits;

import io.coffer.testing.Engine;

class LimitsStoreOnH2Test extends LimitsStoreCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
