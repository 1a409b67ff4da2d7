package io.coffer.user;

import io.coffer.testing.Engine;

class AuthApiOnPostgresTest extends AuthApiCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
