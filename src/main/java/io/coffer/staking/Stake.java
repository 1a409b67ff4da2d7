package io.coffer.staking;

import io.coffer.common.Amount;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/**
 * One stake of an account: funds set aside and delegated to a validator (Solana vote account,
 * Tezos baker, Cardano pool, an Ethereum validator Coffer assigns).
 *
 * @param uid the stake's public identifier ({@code stake_uid})
 * @param address the on-chain key of the stake: Solana stake account, Ethereum validator key,
 *                Cardano stake address; the baker for Tezos
 * @param validator who the stake is delegated to
 * @param creationTx the transaction that created it
 * @param lastRequest the request of the last transaction acting on it
 * @param pendingTx a transaction acting on it that is not confirmed yet, if any
 * @param accruedUntil rewards are paid up to this instant (set on activation)
 * @param carry the remainder of the exact reward division, carried to the next period
 */
public record Stake(
        long id,
        long workspaceId,
        long accountId,
        Chain chain,
        String uid,
        StakeStatus status,
        Amount amount,
        String validator,
        String address,
        long creationTx,
        long createdBy,
        Instant createdOn,
        Optional<Long> lastRequest,
        Optional<Long> pendingTx,
        Optional<Instant> activatedOn,
        Optional<Instant> deactivatedOn,
        Optional<Instant> accruedUntil,
        BigInteger carry,
        Amount totalReward) {

    /** The same stake in another status. */
    public Stake withStatus(StakeStatus next) {
        return new Stake(id, workspaceId, accountId, chain, uid, next, amount, validator, address, creationTx, createdBy,
                createdOn, lastRequest, pendingTx, activatedOn, deactivatedOn, accruedUntil, carry, totalReward);
    }

    /** The same stake with (or without) a transaction pending on it. */
    public Stake withPendingTx(Optional<Long> transactionId) {
        return new Stake(id, workspaceId, accountId, chain, uid, status, amount, validator, address, creationTx, createdBy,
                createdOn, lastRequest, transactionId, activatedOn, deactivatedOn, accruedUntil, carry, totalReward);
    }

    /** The same stake, last acted on by this request. */
    public Stake withLastRequest(long requestId) {
        return new Stake(id, workspaceId, accountId, chain, uid, status, amount, validator, address, creationTx, createdBy,
                createdOn, Optional.of(requestId), pendingTx, activatedOn, deactivatedOn, accruedUntil, carry,
                totalReward);
    }

    /** Confirmed: ACTIVE, earning from this instant. */
    public Stake activated(Instant at) {
        return new Stake(id, workspaceId, accountId, chain, uid, StakeStatus.ACTIVE, amount, validator, address,
                creationTx, createdBy, createdOn, lastRequest, pendingTx, Optional.of(at), deactivatedOn,
                Optional.of(at), carry, totalReward);
    }

    /** Stopped: DEACTIVATED at this instant. */
    public Stake deactivated(Instant at) {
        return new Stake(id, workspaceId, accountId, chain, uid, StakeStatus.DEACTIVATED, amount, validator, address,
                creationTx, createdBy, createdOn, lastRequest, pendingTx, activatedOn, Optional.of(at), accruedUntil,
                carry, totalReward);
    }

    /** Rewards paid up to an instant, with the division's remainder and the new total. */
    public Stake paid(Instant until, BigInteger remainder, Amount total) {
        return new Stake(id, workspaceId, accountId, chain, uid, status, amount, validator, address, creationTx, createdBy,
                createdOn, lastRequest, pendingTx, activatedOn, deactivatedOn, Optional.of(until), remainder, total);
    }
}
