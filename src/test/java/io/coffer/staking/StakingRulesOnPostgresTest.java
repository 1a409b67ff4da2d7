package io.coffer.staking;

import io.coffer.testing.Engine;

class StakingRulesOnPostgresTest extends StakingRulesCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
