package io.coffer.request;

import io.coffer.testing.Engine;

class ConcurrentRequestsOnPostgresTest extends ConcurrentRequestsCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
