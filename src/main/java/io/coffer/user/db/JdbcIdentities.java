package io.coffer.user.db;

import io.coffer.common.Role;
import io.coffer.common.Tx;
import io.coffer.db.Sql;
import io.coffer.user.Identities;
import io.coffer.user.Identity;
import io.coffer.user.UserStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/** {@link Identities} over JDBC: one indexed join per lookup, on the hot path of every request. */
public final class JdbcIdentities implements Identities {

    private static final String SELECT = """
            SELECT w.id AS workspace_id, w.name AS workspace_name, w.clock_offset_ms, w.token_key,
                   u.id AS user_id, u.username, u.role, u.view_all, u.status, u.secret_hash
            FROM api_user u JOIN workspace w ON w.id = u.workspace_id
            """;

    @Override
    public Optional<Identity> byUserId(Tx tx, String workspaceName, long userId) {
        return Sql.one(tx, SELECT + " WHERE u.id = ? AND w.name = ?", JdbcIdentities::map, userId, workspaceName);
    }

    @Override
    public Optional<Identity> byUsername(Tx tx, String workspaceName, String username) {
        return Sql.one(tx, SELECT + " WHERE w.name = ? AND u.username = ?", JdbcIdentities::map, workspaceName, username);
    }

    @Override
    public Optional<Identity> byApiKeyId(Tx tx, String apiKeyId) {
        return Sql.one(tx, SELECT + " WHERE u.api_key_id = ?", JdbcIdentities::map, apiKeyId);
    }

    @Override
    public Optional<Identity> byApiKeyOwner(Tx tx, long workspaceId, long userId) {
        return Sql.one(tx, SELECT + " WHERE u.id = ? AND w.id = ?", JdbcIdentities::map, userId, workspaceId);
    }

    @Override
    public Optional<Identity> byReportingKeyHash(Tx tx, String workspaceName, String keyHash) {
        return Sql.one(tx, SELECT + " WHERE u.secret_hash = ? AND w.name = ? AND u.role = 'READ_ONLY_API_KEY'",
                JdbcIdentities::map, keyHash, workspaceName);
    }

    /** Maps a row of {@link #SELECT} by position (name lookups are costly in H2). */
    private static Identity map(ResultSet row) throws SQLException {
        return new Identity(
                row.getLong(1),
                row.getString(2),
                Duration.ofMillis(row.getLong(3)),
                Base64.getDecoder().decode(row.getString(4)),
                row.getLong(5),
                row.getString(6),
                Role.valueOf(row.getString(7)),
                row.getBoolean(8),
                UserStatus.valueOf(row.getString(9)),
                row.getString(10));
    }
}
