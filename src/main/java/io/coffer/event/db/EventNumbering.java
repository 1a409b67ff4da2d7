package io.coffer.event.db;

import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.common.UnitOfWork;
import io.coffer.db.Sql;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Numbers committed events in their workspace's gapless sequence, over PostgreSQL. A writer that
 * recorded events waits, after its commit, until they have their numbers: it takes the workspace's
 * counter row if nobody holds it ({@code SKIP LOCKED}) and numbers every event of the workspace still
 * waiting, in one short transaction, or else waits a moment for the writer who holds it, which numbers
 * them all. Numbers go only to committed events and move the counter in the same transaction, one
 * numbering at a time per workspace, so they stay gapless and a reader reading past {@code last_seq}
 * never misses one; but a workspace's writes no longer commit one at a time behind the counter.
 */
public final class EventNumbering {

    /** Events numbered by one transaction at most; a writer behind more simply goes round again. */
    static final int BATCH = 1000;
    /** How long a writer waits for its events' numbers before leaving them to the sweep. */
    static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final long PAUSE_NANOS = 200_000;

    private final UnitOfWork unitOfWork;

    public EventNumbering(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    /** Returns once the event has its number (or after {@link #PATIENCE}, leaving it to {@link #sweep}). */
    public void awaitNumber(long workspaceId, long eventId) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!numbered(eventId)) {
            if (numberWaiting(workspaceId) < 0) {
                // Another writer holds the counter and is numbering; look again in a moment.
                LockSupport.parkNanos(PAUSE_NANOS);
            }
            if (System.nanoTime() > deadline) {
                return;
            }
        }
    }

    /** Numbers what stopped writers left waiting in every workspace; run periodically. Answers how many. */
    public int sweep() {
        List<Long> workspaces = unitOfWork.read(tx -> Sql.list(tx,
                "SELECT DISTINCT workspace_id FROM event WHERE seq IS NULL", row -> row.getLong(1)));
        int numbered = 0;
        for (long workspaceId : workspaces) {
            numbered += Math.max(0, numberWaiting(workspaceId));
        }
        return numbered;
    }

    private boolean numbered(long eventId) {
        return unitOfWork.read(tx -> Sql.one(tx, "SELECT seq FROM event WHERE id = ?", row -> row.getObject(1) != null,
                eventId)).orElse(true);
    }

    /** Events numbered, or -1 when another writer holds the workspace's counter. */
    private int numberWaiting(long workspaceId) {
        // Nothing to number ends in a rollback, so the row lock it took costs no commit; a counter held
        // by someone else took no lock and wrote nothing, so its commit costs nothing either.
        Outcome<Integer> outcome = unitOfWork.write(tx -> numberWaiting(tx, workspaceId));
        return outcome instanceof Outcome.Ok<Integer> ok ? ok.value() : 0;
    }

    private static Outcome<Integer> numberWaiting(Tx tx, long workspaceId) {
        var last = Sql.one(tx, "SELECT last_seq FROM event_sequence WHERE workspace_id = ? FOR UPDATE SKIP LOCKED",
                row -> row.getLong(1), workspaceId);
        if (last.isEmpty()) {
            return Outcome.ok(-1);
        }
        List<Long> waiting = Sql.list(tx, "SELECT id FROM event WHERE workspace_id = ? AND seq IS NULL ORDER BY id"
                + " FETCH FIRST " + BATCH + " ROWS ONLY", row -> row.getLong(1), workspaceId);
        if (waiting.isEmpty()) {
            return Outcome.invalid("nothing to number");
        }
        long seq = last.get();
        for (long eventId : waiting) {
            Sql.update(tx, "UPDATE event SET seq = ? WHERE id = ?", ++seq, eventId);
        }
        Sql.update(tx, "UPDATE event_sequence SET last_seq = ? WHERE workspace_id = ?", seq, workspaceId);
        return Outcome.ok(waiting.size());
    }
}
