package io.coffer.staking;

import io.coffer.testing.Engine;

class RewardAccrualOnPostgresTest extends RewardAccrualCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
