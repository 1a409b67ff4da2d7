package io.coffer.limits;

import io.coffer.common.Tx;
import java.time.Instant;
import java.util.Optional;

/** Storage port of idempotency keys; a unique key per (workspace, user, key) decides races. */
public interface IdempotencyStore {

    Optional<IdempotencyRecord> find(Tx tx, long workspaceId, long userId, IdempotencyKey key);

    /** Stores a new claim; fails on the unique key when a concurrent call stored one first. */
    void insert(Tx tx, IdempotencyRecord claim);

    /** Gives an expired key, or the stale claim of a call that vanished, to a new call: whether it did. */
    boolean reclaim(Tx tx, IdempotencyRecord old, String token, String bodyHash, Instant createdAt, Instant claimedAt);

    /** Records the owning call's answer (empty: done, answer not kept): whether the claim was still its. */
    boolean complete(Tx tx, long workspaceId, long userId, IdempotencyKey key, String token, int status,
                     Optional<StoredAnswer> answer);

    /**
     * Forgets a claim whose call did not finish with an answer worth keeping, unless the call committed
     * a change: that claim is kept as done with {@code status}, its answer not kept.
     */
    void release(Tx tx, long workspaceId, long userId, IdempotencyKey key, String token, int status);

    /** Marks the claim's call as having committed a change, inside the transaction that commits it. */
    void markApplied(Tx tx, long workspaceId, long userId, IdempotencyKey key, String token);

    boolean purgeDue(Tx tx, Instant claimedBefore);

    /** Deletes at most {@code max} keys claimed before the instant (server clock). */
    int purge(Tx tx, Instant claimedBefore, int max);
}
