package io.coffer.transaction;

import io.coffer.testing.Engine;

class BalancesApiOnPostgresTest extends BalancesApiCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
