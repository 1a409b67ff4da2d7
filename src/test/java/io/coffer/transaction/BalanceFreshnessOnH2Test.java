package io.coffer.transaction;

import io.coffer.testing.Engine;

class BalanceFreshnessOnH2Test extends BalanceFreshnessCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
