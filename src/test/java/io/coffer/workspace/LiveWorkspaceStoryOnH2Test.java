package io.coffer.workspace;

import io.coffer.testing.Engine;

class LiveWorkspaceStoryOnH2Test extends LiveWorkspaceStoryCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
