package io.coffer.event.db;

import io.coffer.common.Tx;
import io.coffer.db.JdbcTx;
import io.coffer.db.Sql;
import io.coffer.db.Visibility;
import io.coffer.event.DeliveryStatus;
import io.coffer.event.Event;
import io.coffer.event.Outbox;
import java.util.List;

/**
 * {@link Outbox} over JDBC. The event is written just before its transaction commits, with one
 * delivery row for each subscriber of the workspace who may see its object then. On the embedded
 * database it takes the next number of the workspace's gapless sequence there (under the counter
 * row's lock, the last lock the transaction takes); over PostgreSQL it is numbered just after the
 * commit ({@link EventNumbering}).
 */
public final class JdbcOutbox implements Outbox {

    private record Subscriber(long userId, boolean seesEverything) {
    }

    private final java.time.InstantSource clock;
    private final java.util.Optional<EventNumbering> numbering;

    /** @param clock the server's clock: deliveries are due in real time, whatever a sandbox workspace's clock says */
    public JdbcOutbox(java.time.InstantSource clock) {
        this(clock, java.util.Optional.empty());
    }

    /**
     * @param numbering numbers events after their transaction commits (PostgreSQL, where a workspace's
     *     writers run concurrently); without it an event takes its number inside its transaction (the
     *     embedded database, whose writes run one at a time anyway)
     */
    public JdbcOutbox(java.time.InstantSource clock, java.util.Optional<EventNumbering> numbering) {
        this.clock = clock;
        this.numbering = numbering;
    }

    private static final String VISIBLE = "SELECT COUNT(*) FROM event e WHERE e.id = ? AND (" + Visibility.event("e") + ")";

    @Override
    public void record(Tx tx, Event event) {
        JdbcTx.beforeCommit(tx, () -> write(tx, event));
    }

    private void write(Tx tx, Event event) {
        Object seq = numbering.isPresent() ? Sql.NULL_BIGINT : nextNumber(tx, event.workspaceId());
        long eventId = Sql.insert(tx, """
                INSERT INTO event (workspace_id, seq, event_type, payload_type, object_kind, object_id, account_id, created_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", event.workspaceId(), seq, event.type().name(), event.payloadType(),
                event.type().kind().name(), event.objectId(), Sql.orNull(event.accountId(), Sql.NULL_BIGINT), event.at());
        // The writer answers once its events have their numbers, so what it did is in the feed when it says so.
        numbering.ifPresent(numbers -> JdbcTx.afterCommitOnce(tx, "event numbering " + event.workspaceId(),
                () -> numbers.awaitNumber(event.workspaceId())));
        for (Subscriber subscriber : subscribers(tx, event.workspaceId())) {
            if (subscriber.seesEverything() || maySee(tx, eventId, subscriber.userId())) {
                Sql.update(tx, """
                        INSERT INTO event_delivery (workspace_id, user_id, event_id, object_key, status, tries, next_try_at)
                        VALUES (?, ?, ?, ?, ?, 0, ?)""", event.workspaceId(), subscriber.userId(), eventId,
                        event.objectKey(), DeliveryStatus.PENDING.name(), clock.instant());
            }
        }
    }

    /** The workspace's next event number, taken under its counter row's lock until the transaction ends. */
    private static long nextNumber(Tx tx, long workspaceId) {
        if (Sql.update(tx, "UPDATE event_sequence SET last_seq = last_seq + 1 WHERE workspace_id = ?", workspaceId) != 1) {
            throw new IllegalStateException("workspace " + workspaceId + " has no event counter");
        }
        return Sql.one(tx, "SELECT last_seq FROM event_sequence WHERE workspace_id = ?", row -> row.getLong(1), workspaceId)
                .orElseThrow();
    }

    /** Active users of the workspace whose webhook is on. */
    private static List<Subscriber> subscribers(Tx tx, long workspaceId) {
        return Sql.list(tx, """
                SELECT u.id, u.role, u.view_all FROM notification_config n JOIN api_user u ON u.id = n.user_id
                WHERE n.workspace_id = ? AND n.url IS NOT NULL AND u.status = 'ACTIVE' ORDER BY u.id""",
                row -> new Subscriber(row.getLong(1), "ADMIN".equals(row.getString(2)) || row.getBoolean(3)), workspaceId);
    }

    private static boolean maySee(Tx tx, long eventId, long userId) {
        java.util.List<Object> params = new java.util.ArrayList<>();
        params.add(eventId);
        params.addAll(Visibility.eventParameters(userId));
        return Sql.count(tx, VISIBLE, params.toArray()) > 0;
    }
}
