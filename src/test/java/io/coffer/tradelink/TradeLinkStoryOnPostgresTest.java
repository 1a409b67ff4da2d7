package io.coffer.tradelink;

import io.coffer.testing.Engine;

class TradeLinkStoryOnPostgresTest extends TradeLinkStoryCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
