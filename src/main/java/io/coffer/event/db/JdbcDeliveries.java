package io.coffer.event.db;

import io.coffer.common.Tx;
import io.coffer.db.Sql;
import io.coffer.event.Deliveries;
import io.coffer.event.Delivery;
import io.coffer.event.DeliveryStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * {@link Deliveries} over JDBC. On PostgreSQL, claims lock their rows with {@code FOR UPDATE SKIP
 * LOCKED}, so instances claiming at the same moment take different deliveries; on H2 the single
 * writer runs claims one at a time.
 */
public final class JdbcDeliveries implements Deliveries {

    private static final String DUE = """
            SELECT d.id, d.user_id FROM event_delivery d
            WHERE d.status = 'PENDING' AND d.next_try_at <= ?
              AND NOT EXISTS (SELECT 1 FROM event_delivery p WHERE p.user_id = d.user_id AND p.object_key = d.object_key
                              AND p.id < d.id AND p.status IN ('PENDING', 'SENDING'))""";
    private static final String CLAIMED = """
            SELECT d.id, d.workspace_id, d.user_id, d.tries, d.lease_until, e.seq, e.event_type, e.payload_type, e.object_id,
                   e.created_on, CASE WHEN u.status = 'ACTIVE' THEN n.url END, n.secret_sealed, w.kind
            FROM event_delivery d JOIN event e ON e.id = d.event_id JOIN workspace w ON w.id = d.workspace_id
            JOIN api_user u ON u.id = d.user_id LEFT JOIN notification_config n ON n.user_id = d.user_id
            WHERE d.id = ?""";
    private static final String LISTED = """
            SELECT d.id, d.user_id, e.seq, e.event_type, e.payload_type, e.object_id, e.created_on, d.status, d.tries,
                   d.next_try_at, d.last_status, d.last_error, d.delivered_on
            FROM event_delivery d JOIN event e ON e.id = d.event_id""";

    private record Candidate(long id, long userId) {
    }

    private final boolean postgres;
    private final int perUser;

    /** @param perUser the most posts in flight to one user's webhook, so a slow receiver holds only that many */
    public JdbcDeliveries(boolean postgres, int perUser) {
        this.postgres = postgres;
        this.perUser = perUser;
    }

    @Override
    public boolean anyDue(Tx tx, Instant now) {
        return Sql.count(tx, "SELECT COUNT(*) FROM (SELECT 1 FROM event_delivery WHERE status = 'PENDING' AND next_try_at <= ?"
                + " FETCH FIRST 1 ROWS ONLY) due", now) > 0
                || Sql.count(tx, "SELECT COUNT(*) FROM (SELECT 1 FROM event_delivery WHERE status = 'SENDING' AND lease_until < ?"
                + " FETCH FIRST 1 ROWS ONLY) lapsed", now) > 0;
    }

    @Override
    public List<Claim> claim(Tx tx, Instant now, Instant leaseUntil, int limit) {
        // A lease that ran out belongs to an instance that stopped mid-post: the delivery is due again.
        Sql.update(tx, "UPDATE event_delivery SET status = 'PENDING', lease_until = NULL WHERE status = 'SENDING'"
                + " AND lease_until < ?", now);
        // Users whose posts in flight already reach the bound are left out in the query itself, so that
        // one slow receiver's backlog never fills the candidates and starves everyone else.
        Map<Long, Integer> inFlight = new HashMap<>();
        for (long[] sending : Sql.list(tx, "SELECT user_id, COUNT(*) FROM event_delivery WHERE status = 'SENDING'"
                + " GROUP BY user_id", row -> new long[] {row.getLong(1), row.getLong(2)})) {
            inFlight.put(sending[0], (int) sending[1]);
        }
        List<Object> params = new ArrayList<>(List.of(now));
        StringBuilder sql = new StringBuilder(DUE);
        if (postgres) {
            // An event is numbered just after its commit there: its deliveries wait for the number they carry.
            sql.append(" AND EXISTS (SELECT 1 FROM event e WHERE e.id = d.event_id AND e.seq IS NOT NULL)");
        }
        inFlight.forEach((user, count) -> {
            if (count >= perUser) {
                sql.append(" AND d.user_id <> ?");
                params.add(user);
            }
        });
        // No ORDER BY: sorting would read every due row of a backlog at each claim (measured: 47 ms with
        // 8,600 waiting, against 3 ms). The due index is read in its own order (next try first) and the
        // scan stops at the limit; order per object is kept by the NOT EXISTS, not by the scan.
        sql.append(" FETCH FIRST ? ROWS ONLY").append(postgres ? " FOR UPDATE OF d SKIP LOCKED" : "");
        params.add(limit * perUser);
        List<Candidate> candidates = Sql.list(tx, sql.toString(), row -> new Candidate(row.getLong(1), row.getLong(2)),
                params.toArray());
        List<Claim> claims = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (claims.size() == limit || inFlight.merge(candidate.userId(), 1, Integer::sum) > perUser) {
                continue;
            }
            Sql.update(tx, "UPDATE event_delivery SET status = 'SENDING', lease_until = ?, tries = tries + 1 WHERE id = ?",
                    leaseUntil, candidate.id());
            claims.add(Sql.one(tx, CLAIMED, JdbcDeliveries::claim, candidate.id()).orElseThrow());
        }
        return claims;
    }

    private static Claim claim(ResultSet row) throws SQLException {
        return new Claim(row.getLong(1), row.getLong(2), row.getLong(3),
                new io.coffer.event.FeedEvent(row.getLong(6), row.getString(7), row.getString(8), row.getLong(9),
                        Sql.instant(row, 10)),
                row.getInt(4), Sql.instant(row, 5), Optional.ofNullable(row.getString(11)),
                Optional.ofNullable(row.getString(12)), row.getString(13));
    }

    @Override
    public void finish(Tx tx, Claim claim, DeliveryStatus status, Optional<Integer> httpStatus, Optional<String> error,
                       Instant nextTryAt, Instant now) {
        Sql.update(tx, """
                UPDATE event_delivery SET status = ?, last_status = ?, last_error = ?, next_try_at = ?, lease_until = NULL,
                       delivered_on = ?
                WHERE id = ? AND status = 'SENDING' AND lease_until = ?""",
                status.name(), httpStatus.isPresent() ? (Object) httpStatus.get() : new Sql.Null(java.sql.Types.INTEGER),
                Sql.orNull(error.map(e -> e.length() > 300 ? e.substring(0, 300) : e), Sql.NULL_VARCHAR),
                nextTryAt, status == DeliveryStatus.DELIVERED ? (Object) now : Sql.NULL_TIMESTAMP,
                claim.id(), claim.leaseUntil());
    }

    @Override
    public List<Delivery> list(Tx tx, long userId, long afterId, Optional<DeliveryStatus> status, int limit) {
        return status.isPresent()
                ? Sql.list(tx, LISTED + " WHERE d.user_id = ? AND d.id > ? AND d.status = ? ORDER BY d.id LIMIT ?",
                        JdbcDeliveries::delivery, userId, afterId, status.get().name(), limit)
                : Sql.list(tx, LISTED + " WHERE d.user_id = ? AND d.id > ? ORDER BY d.id LIMIT ?",
                        JdbcDeliveries::delivery, userId, afterId, limit);
    }

    @Override
    public Optional<Delivery> find(Tx tx, long userId, long deliveryId) {
        return Sql.one(tx, LISTED + " WHERE d.user_id = ? AND d.id = ?", JdbcDeliveries::delivery, userId, deliveryId);
    }

    @Override
    public void redeliver(Tx tx, long deliveryId, Instant now) {
        Sql.update(tx, "UPDATE event_delivery SET status = 'PENDING', tries = 0, next_try_at = ?, lease_until = NULL"
                + " WHERE id = ? AND status <> 'SENDING'", now, deliveryId);
    }

    private static Delivery delivery(ResultSet row) throws SQLException {
        int lastStatus = row.getInt(11);
        Optional<Integer> last = row.wasNull() ? Optional.empty() : Optional.of(lastStatus);
        return new Delivery(row.getLong(1), row.getLong(2),
                new io.coffer.event.FeedEvent(row.getLong(3), row.getString(4), row.getString(5), row.getLong(6),
                        Sql.instant(row, 7)),
                DeliveryStatus.valueOf(row.getString(8)), row.getInt(9), Sql.instant(row, 10), last,
                Optional.ofNullable(row.getString(12)), Sql.optionalInstant(row, "delivered_on"));
    }
}
