package io.coffer.workspace;

import io.coffer.testing.Engine;

class WorkspaceModelStoryOnPostgresTest extends WorkspaceModelStoryCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
