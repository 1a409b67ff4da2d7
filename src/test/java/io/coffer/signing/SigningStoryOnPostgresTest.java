package io.coffer.signing;

import io.coffer.testing.Engine;

class SigningStoryOnPostgresTest extends SigningStoryCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
