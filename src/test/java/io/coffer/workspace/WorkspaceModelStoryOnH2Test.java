package io.coffer.workspace;

import io.coffer.testing.Engine;

class WorkspaceModelStoryOnH2Test extends WorkspaceModelStoryCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
