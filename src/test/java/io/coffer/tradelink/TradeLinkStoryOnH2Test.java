package io.coffer.tradelink;

import io.coffer.testing.Engine;

class TradeLinkStoryOnH2Test extends TradeLinkStoryCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
