package io.coffer.request;

import io.coffer.testing.Engine;

class SendFamiliesOnPostgresTest extends SendFamiliesCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
