package io.coffer.request;

import io.coffer.testing.Engine;

class ConcurrentRequestsOnH2Test extends ConcurrentRequestsCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
