package io.coffer.staking;

import io.coffer.testing.Engine;

class StakingRulesOnH2Test extends StakingRulesCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
