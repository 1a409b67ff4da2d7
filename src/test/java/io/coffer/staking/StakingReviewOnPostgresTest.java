package io.coffer.staking;

import io.coffer.testing.Engine;

class StakingReviewOnPostgresTest extends StakingReviewCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
