package io.coffer.signing;

import io.coffer.testing.Engine;

class SigningStoryOnH2Test extends SigningStoryCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
