package io.coffer.transaction;

import io.coffer.common.Amount;
import io.coffer.common.Tx;

/**
 * The staking side of a Solana account's balances, kept by the staking feature: the sums of its
 * open stakes by state, as the spec's {@code SolanaBalances} reports them.
 */
public interface StakedBalances {

    /** A server without staking: nothing is staked. */
    StakedBalances NONE = (tx, accountId) -> new Solana(Amount.ZERO, Amount.ZERO, Amount.ZERO, Amount.ZERO);

    /** Sums of open stakes: activating, deactivating, delegated (active) and undelegated (stopped, not withdrawn). */
    record Solana(Amount activating, Amount deactivating, Amount delegated, Amount undelegated) {
        public Amount totalStaked() {
            return activating.plus(deactivating).plus(delegated).plus(undelegated);
        }
    }

    Solana solana(Tx tx, long accountId);
}
