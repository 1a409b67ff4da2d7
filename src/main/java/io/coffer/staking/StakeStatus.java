package io.coffer.staking;

/** A stake's status, the spec's {@code _SolanaStake.status} enum (shared by Tezos and Cardano stakes). */
public enum StakeStatus {
    ABORTED, ACTIVATING, ACTIVE, DEACTIVATED, DEACTIVATING, DELETED, PENDING, UNKNOWN;

    /** Whether the stake earns rewards in this status. */
    public boolean earning() {
        return this == ACTIVE;
    }
}
