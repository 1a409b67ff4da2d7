package io.coffer.account;

import io.coffer.testing.Engine;

class VisibilityApiOnH2Test extends VisibilityApiCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
