package io.coffer.tradelink;

import io.coffer.testing.Engine;

class TradeLinkAttackOnH2Test extends TradeLinkAttackCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
