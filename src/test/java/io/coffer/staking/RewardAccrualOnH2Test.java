package io.coffer.staking;

import io.coffer.testing.Engine;

class RewardAccrualOnH2Test extends RewardAccrualCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
