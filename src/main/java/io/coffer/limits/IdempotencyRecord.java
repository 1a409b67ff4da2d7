package io.coffer.limits;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored idempotency key.
 *
 * @param claim the token of the call that owns the key
 * @param status the answer's status once the call is done; empty while it runs
 * @param answer the answer, unless it was not kept
 * @param createdAt when the key was first used (workspace clock: it lasts 24 hours of it)
 * @param claimedAt when the owning call took it (server clock: for stale claims and purging)
 * @param applied whether the owning call committed a change (set in that change's transaction)
 */
public record IdempotencyRecord(long id, long workspaceId, long userId, IdempotencyKey key, String bodyHash,
                                String claim, Optional<Integer> status, Optional<StoredAnswer> answer,
                                Instant createdAt, Instant claimedAt, boolean applied) {
}
