package io.coffer.staking;

import io.coffer.testing.Engine;

class StakingStoryOnPostgresTest extends StakingStoryCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
