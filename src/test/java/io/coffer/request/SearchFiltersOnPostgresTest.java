package io.coffer.request;

import io.coffer.testing.Engine;

class SearchFiltersOnPostgresTest extends SearchFiltersCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
