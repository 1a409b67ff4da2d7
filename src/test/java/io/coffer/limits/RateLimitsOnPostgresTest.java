package io.coffer.limits;

import io.coffer.testing.Engine;

class RateLimitsOnPostgresTest extends RateLimitsCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
