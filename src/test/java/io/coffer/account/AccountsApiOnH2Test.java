package io.coffer.account;

import io.coffer.testing.Engine;

class AccountsApiOnH2Test extends AccountsApiCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
