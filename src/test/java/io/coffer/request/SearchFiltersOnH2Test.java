package io.coffer.request;

import io.coffer.testing.Engine;

class SearchFiltersOnH2Test extends SearchFiltersCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
