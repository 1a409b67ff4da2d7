package io.coffer.limits.db;

import io.coffer.common.Tx;
import io.coffer.db.Sql;
import io.coffer.limits.RateLimitStore;
import io.coffer.limits.Ticket;
import io.coffer.limits.WorkspaceLimits;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@link RateLimitStore} over the {@code rate_limit_setting} and {@code rate_window} tables. */
public final class JdbcRateLimits implements RateLimitStore {

    private static final String WINDOW = "workspace_id = ? AND user_id = ? AND kind = ? AND window_start = ?";

    @Override
    public Optional<WorkspaceLimits> settings(Tx tx, long workspaceId) {
        return Sql.one(tx, "SELECT enabled, transaction_requests_per_hour, other_posts_per_hour, pending_requests"
                + " FROM rate_limit_setting WHERE workspace_id = ?", row -> new WorkspaceLimits(row.getBoolean(1),
                optionalInt(row, 2), optionalInt(row, 3), optionalInt(row, 4)), workspaceId);
    }

    @Override
    public void saveSettings(Tx tx, long workspaceId, WorkspaceLimits limits) {
        Object[] values = {limits.enabled(), Sql.orNull(limits.transactionRequestsPerHour(), Sql.NULL_INTEGER),
                Sql.orNull(limits.otherPostsPerHour(), Sql.NULL_INTEGER), Sql.orNull(limits.pendingRequests(), Sql.NULL_INTEGER)};
        int updated = Sql.update(tx, "UPDATE rate_limit_setting SET enabled = ?, transaction_requests_per_hour = ?,"
                + " other_posts_per_hour = ?, pending_requests = ? WHERE workspace_id = ?",
                values[0], values[1], values[2], values[3], workspaceId);
        if (updated == 0) {
            // Two admins saving the first settings at once: the loser fails on the key, a 400 to retry.
            Sql.update(tx, "INSERT INTO rate_limit_setting (workspace_id, enabled, transaction_requests_per_hour,"
                    + " other_posts_per_hour, pending_requests) VALUES (?, ?, ?, ?, ?)",
                    workspaceId, values[0], values[1], values[2], values[3]);
        }
    }

    @Override
    public int used(Tx tx, Ticket window) {
        return Sql.one(tx, "SELECT used FROM rate_window WHERE " + WINDOW, row -> row.getInt(1), params(window))
                .orElse(0);
    }

    @Override
    public boolean take(Tx tx, Ticket window, int limit, Instant purgeAfter) {
        Object[] where = params(window);
        int taken = Sql.update(tx, "UPDATE rate_window SET used = used + 1 WHERE " + WINDOW + " AND used < ?",
                where[0], where[1], where[2], where[3], limit);
        if (taken == 1) {
            return true;
        }
        if (Sql.one(tx, "SELECT used FROM rate_window WHERE " + WINDOW, row -> row.getInt(1), where).isPresent()) {
            return false;
        }
        Sql.update(tx, "INSERT INTO rate_window (workspace_id, user_id, kind, window_start, used, purge_after)"
                + " VALUES (?, ?, ?, ?, 1, ?)", where[0], where[1], where[2], where[3], purgeAfter);
        return true;
    }

    @Override
    public void giveBack(Tx tx, Ticket window) {
        Object[] where = params(window);
        Sql.update(tx, "UPDATE rate_window SET used = used - 1 WHERE " + WINDOW + " AND used > 0",
                where[0], where[1], where[2], where[3]);
    }

    @Override
    public boolean purgeDue(Tx tx, Instant now) {
        return Sql.one(tx, "SELECT 1 FROM rate_window WHERE purge_after < ? FETCH FIRST 1 ROWS ONLY",
                row -> true, now).isPresent();
    }

    @Override
    public int purge(Tx tx, Instant now, int max) {
        return Sql.update(tx, "DELETE FROM rate_window WHERE (workspace_id, user_id, kind, window_start) IN"
                + " (SELECT workspace_id, user_id, kind, window_start FROM rate_window WHERE purge_after < ?"
                + " FETCH FIRST " + max + " ROWS ONLY)", now);
    }

    private static Object[] params(Ticket window) {
        return new Object[] {window.workspaceId(), window.userId(), window.kind(), window.window().start()};
    }

    private static Optional<Integer> optionalInt(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }
}
