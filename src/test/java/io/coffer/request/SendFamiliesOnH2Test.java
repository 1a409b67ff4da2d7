package io.coffer.request;

import io.coffer.testing.Engine;

class SendFamiliesOnH2Test extends SendFamiliesCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
