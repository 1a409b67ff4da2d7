package io.coffer.nft;

import io.coffer.testing.Engine;

class NftApiOnH2Test extends NftApiCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
