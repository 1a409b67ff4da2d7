package io.coffer.transaction;

import io.coffer.testing.Engine;

class BalanceFreshnessOnPostgresTest extends BalanceFreshnessCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
