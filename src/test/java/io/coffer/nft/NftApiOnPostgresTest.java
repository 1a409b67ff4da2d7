package io.coffer.nft;

import io.coffer.testing.Engine;

class NftApiOnPostgresTest extends NftApiCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
