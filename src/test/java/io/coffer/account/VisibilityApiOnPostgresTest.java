package io.coffer.account;

import io.coffer.testing.Engine;

class VisibilityApiOnPostgresTest extends VisibilityApiCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
