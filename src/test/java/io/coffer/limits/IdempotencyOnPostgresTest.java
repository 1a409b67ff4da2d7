package io.coffer.limits;

import io.coffer.testing.Engine;

class IdempotencyOnPostgresTest extends IdempotencyCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
