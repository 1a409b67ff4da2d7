package io.coffer.event.db;

import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.common.UnitOfWork;
import io.coffer.db.Sql;
import java.util.List;

/**
 * Numbers committed events in their workspace's gapless sequence, over PostgreSQL. A writer that
 * recorded events, once it has committed, takes the workspace's counter row and numbers every event
 * of the workspace still waiting, in one short transaction. Writers of one workspace that committed
 * together queue for the row, the first numbers them all with one commit, and each of the others finds
 * nothing left and rolls back, which costs no commit. Numbers go only to committed events and move the
 * counter in the same transaction, so they stay gapless and a reader reading up to {@code last_seq}
 * never misses one; but the row is no longer held through every writer's own commit.
 */
public final class EventNumbering {

    /** Events numbered by one transaction at most; a writer behind more goes round again. */
    static final int BATCH = 1000;
    /** Full batches one writer numbers at most before it is answered. */
    static final int MAX_ROUNDS = 4;

    private final UnitOfWork unitOfWork;

    public EventNumbering(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    /**
     * Returns once every event the workspace had committed when it was called has its number, or
     * after {@link #MAX_ROUNDS} full batches: a writer behind a larger backlog leaves the rest to the
     * sweep rather than number it all before it is answered.
     */
    public void awaitNumber(long workspaceId) {
        int round = 0;
        boolean full;
        do {
            full = numberWaiting(workspaceId) == BATCH;
        } while (full && ++round < MAX_ROUNDS);
    }

    /** Numbers what stopped writers left waiting in every workspace; run periodically. Answers how many. */
    public int sweep() {
        List<Long> workspaces = unitOfWork.read(tx -> Sql.list(tx,
                "SELECT DISTINCT workspace_id FROM event WHERE seq IS NULL", row -> row.getLong(1)));
        int numbered = 0;
        for (long workspaceId : workspaces) {
            int batch;
            do {
                batch = numberWaiting(workspaceId);
                numbered += batch;
            } while (batch == BATCH);
        }
        return numbered;
    }

    /** Events numbered (0 when none was waiting: that transaction rolls back, so its row lock costs no commit). */
    private int numberWaiting(long workspaceId) {
        // A writer whose events another writer already numbered sees so without queueing for the row:
        // its own committed events are visible to this read, so none waiting means none of its own.
        boolean anyWaiting = unitOfWork.read(tx -> Sql.one(tx,
                "SELECT 1 FROM event WHERE workspace_id = ? AND seq IS NULL FETCH FIRST 1 ROWS ONLY",
                row -> true, workspaceId).isPresent());
        if (!anyWaiting) {
            return 0;
        }
        Outcome<Integer> outcome = unitOfWork.write(tx -> numberWaiting(tx, workspaceId));
        return outcome instanceof Outcome.Ok<Integer> ok ? ok.value() : 0;
    }

    private static Outcome<Integer> numberWaiting(Tx tx, long workspaceId) {
        // Waits for a writer numbering now; this statement then sees what it committed.
        long last = Sql.one(tx, "SELECT last_seq FROM event_sequence WHERE workspace_id = ? FOR UPDATE",
                row -> row.getLong(1), workspaceId).orElseThrow(
                        () -> new IllegalStateException("workspace " + workspaceId + " has no event counter"));
        List<Long> waiting = Sql.list(tx, "SELECT id FROM event WHERE workspace_id = ? AND seq IS NULL ORDER BY id"
                + " FETCH FIRST " + BATCH + " ROWS ONLY", row -> row.getLong(1), workspaceId);
        if (waiting.isEmpty()) {
            return Outcome.invalid("nothing to number");
        }
        long seq = last;
        for (long eventId : waiting) {
            Sql.update(tx, "UPDATE event SET seq = ? WHERE id = ?", ++seq, eventId);
        }
        Sql.update(tx, "UPDATE event_sequence SET last_seq = ? WHERE workspace_id = ?", seq, workspaceId);
        return Outcome.ok(waiting.size());
    }
}
