package io.coffer.account;

import io.coffer.testing.Engine;

class AccountsApiOnPostgresTest extends AccountsApiCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
