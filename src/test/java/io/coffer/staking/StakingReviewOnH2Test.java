package io.coffer.staking;

import io.coffer.testing.Engine;

class StakingReviewOnH2Test extends StakingReviewCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
