package io.coffer.workspace;

import io.coffer.testing.Engine;

class WorkspaceSearchesOnH2Test extends WorkspaceSearchesCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
