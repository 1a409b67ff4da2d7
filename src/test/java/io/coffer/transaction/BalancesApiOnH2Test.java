package io.coffer.transaction;

import io.coffer.testing.Engine;

class BalancesApiOnH2Test extends BalancesApiCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
