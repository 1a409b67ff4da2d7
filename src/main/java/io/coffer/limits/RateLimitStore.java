package io.coffer.limits;

import io.coffer.common.Tx;
import java.time.Instant;
import java.util.Optional;

/** Storage port of the rate limits: sandbox settings and hourly counts, shared by every instance. */
public interface RateLimitStore {

    Optional<WorkspaceLimits> settings(Tx tx, long workspaceId);

    void saveSettings(Tx tx, long workspaceId, WorkspaceLimits limits);

    /** How many units the ticket's window has taken (0 when it has no row). */
    int used(Tx tx, Ticket window);

    /**
     * Takes one unit of the ticket's window if fewer than {@code limit} are taken: answers whether it
     * did. Two instances creating the same window at once: one of them fails on the key, and is retried.
     */
    boolean take(Tx tx, Ticket window, int limit, Instant purgeAfter);

    /** Gives a unit back (a call that took one and did not succeed). */
    void giveBack(Tx tx, Ticket window);

    /** Whether some window's purge time (server clock) has passed: a read, so idle passes write nothing. */
    boolean purgeDue(Tx tx, Instant now);

    /** Deletes at most {@code max} windows whose purge time (server clock) has passed. */
    int purge(Tx tx, Instant now, int max);
}
