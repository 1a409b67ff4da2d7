package io.coffer.limits;

import io.coffer.testing.Engine;

class RateLimitsOnH2Test extends RateLimitsCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
