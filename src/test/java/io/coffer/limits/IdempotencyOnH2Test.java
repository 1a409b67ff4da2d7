package io.coffer.limits;

import io.coffer.testing.Engine;

class IdempotencyOnH2Test extends IdempotencyCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
