package io.coffer.limits;

import io.coffer.testing.Engine;

class LimitsStoreOnPostgresTest extends LimitsStoreCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
