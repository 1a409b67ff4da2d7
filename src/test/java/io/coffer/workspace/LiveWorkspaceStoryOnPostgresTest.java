package io.coffer.workspace;

import io.coffer.testing.Engine;

class LiveWorkspaceStoryOnPostgresTest extends LiveWorkspaceStoryCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
