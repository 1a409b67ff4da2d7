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
import io.coffer.keys.KeyVault;
import java.util.Optional;

/**
 * {@link Identities} over JDBC: one indexed join per lookup, on the hot path of every request (and
 * behind {@code IdentityCache}); the workspace's token key is opened from its sealed form here.
 */
public final class JdbcIdentities implements Identities {

    private final KeyVault vault;

    public JdbcIdentities(KeyVault vault) {
        this.vault = vault;
    }

    private static final String SELECT = """
            SELECT w.id AS workspace_id, w.name AS workspace_name, w.clock_offset_ms, w.token_key,
                   u.id AS user_id, u.username, u.role, u.view_all, u.status, u.secret_hash, u.session_epoch, w.kind
            FROM api_user u JOIN workspace w ON w.id = u.workspace_id
            """;

    @Override
    public Optional<Identity> byUserId(Tx tx, String workspaceName, long userId) {
        return Sql.one(tx, SELECT + " WHERE u.id = ? AND w.name = ?", this::map, userId, workspaceName);
    }

    @Override
    public Optional<Identity> byUsername(Tx tx, String workspaceName, String username) {
        return Sql.one(tx, SELECT + " WHERE w.name = ? AND u.username = ?", this::map, workspaceName, username);
    }

    @Override
    public Optional<Identity> byApiKeyId(Tx tx, String apiKeyId) {
        return Sql.one(tx, SELECT + " WHERE u.api_key_id = ?", this::map, apiKeyId);
    }

    @Override
    public Optional<Identity> byApiKeyOwner(Tx tx, long workspaceId, long userId) {
        return Sql.one(tx, SELECT + " WHERE u.id = ? AND w.id = ?", this::map, userId, workspaceId);
    }

    @Override
    public Optional<Identity> byReportingKeyHash(Tx tx, String workspaceName, String keyHash) {
        return Sql.one(tx, SELECT + " WHERE u.secret_hash = ? AND w.name = ? AND u.role = 'READ_ONLY_API_KEY'",
                this::map, keyHash, workspaceName);
    }

    /** Maps a row of {@link #SELECT} by position (name lookups are costly in H2). */
    private Identity map(ResultSet row) throws SQLException {
        return new Identity(
                row.getLong(1),
                row.getString(2),
                io.coffer.common.WorkspaceKind.valueOf(row.getString(12)),
                Duration.ofMillis(row.getLong(3)),
                vault.open(row.getString(4), KeyVault.workspacePlace(row.getString(2), "token_key")),
                row.getLong(5),
                row.getString(6),
                Role.valueOf(row.getString(7)),
                row.getBoolean(8),
                UserStatus.valueOf(row.getString(9)),
                row.getString(10),
                row.getInt(11));
    }
}
