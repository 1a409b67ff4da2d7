package io.coffer.workspace;

import io.coffer.testing.Engine;

class WorkspaceSearchesOnPostgresTest extends WorkspaceSearchesCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
