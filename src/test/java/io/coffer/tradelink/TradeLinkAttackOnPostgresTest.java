package io.coffer.tradelink;

import io.coffer.testing.Engine;

class TradeLinkAttackOnPostgresTest extends TradeLinkAttackCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
