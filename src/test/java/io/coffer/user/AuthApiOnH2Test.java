package io.coffer.user;

import io.coffer.testing.Engine;

class AuthApiOnH2Test extends AuthApiCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
