package io.coffer.staking;

import io.coffer.testing.Engine;

class StakingStoryOnH2Test extends StakingStoryCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
