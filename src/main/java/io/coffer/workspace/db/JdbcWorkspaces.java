package io.coffer.workspace.db;

import io.coffer.common.Tx;
import io.coffer.db.Sql;
import io.coffer.db.StorageException;
import io.coffer.keys.WorkspaceKeys;
import io.coffer.workspace.Workspace;
import io.coffer.workspace.Workspaces;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** {@link Workspaces} over JDBC; key material is stored base64-encoded. */
public final class JdbcWorkspaces implements Workspaces {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public Optional<Long> create(Tx tx, String name, Instant createdOn, WorkspaceKeys keys) {
        if (Sql.count(tx, "SELECT COUNT(*) FROM workspace WHERE name = ?", name) > 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Sql.insert(tx, """
                    INSERT INTO workspace (name, created_on, clock_offset_ms, token_key, seed, root_cert, leaf_cert, leaf_key)
                    VALUES (?, ?, 0, ?, ?, ?, ?, ?)""",
                    name, createdOn, b64(keys.tokenKey()), b64(keys.seed()), b64(keys.rootCertificate()),
                    b64(keys.leafCertificate()), b64(keys.leafPrivateKey())));
        } catch (StorageException e) {
            if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<Workspace> find(Tx tx, long workspaceId) {
        return Sql.one(tx, "SELECT id, name, created_on, clock_offset_ms FROM workspace WHERE id = ?",
                row -> new Workspace(row.getLong("id"), row.getString("name"), Sql.instant(row, "created_on"),
                        Duration.ofMillis(row.getLong("clock_offset_ms"))),
                workspaceId);
    }

    @Override
    public WorkspaceKeys keys(Tx tx, long workspaceId) {
        return Sql.one(tx, "SELECT token_key, seed, root_cert, leaf_cert, leaf_key FROM workspace WHERE id = ?",
                row -> new WorkspaceKeys(unb64(row.getString("seed")), unb64(row.getString("token_key")),
                        unb64(row.getString("root_cert")), unb64(row.getString("leaf_cert")),
                        unb64(row.getString("leaf_key"))),
                workspaceId).orElseThrow(() -> new IllegalStateException("no workspace " + workspaceId));
    }

    @Override
    public Duration advanceClock(Tx tx, long workspaceId, Duration by) {
        Sql.update(tx, "UPDATE workspace SET clock_offset_ms = clock_offset_ms + ? WHERE id = ?", by.toMillis(), workspaceId);
        return Sql.one(tx, "SELECT clock_offset_ms FROM workspace WHERE id = ?",
                row -> Duration.ofMillis(row.getLong(1)), workspaceId).orElseThrow();
    }

    @Override
    public int adminQuorum(Tx tx, long workspaceId) {
        return Sql.one(tx, "SELECT admin_quorum FROM workspace WHERE id = ?", row -> row.getInt(1), workspaceId).orElseThrow();
    }

    @Override
    public void setAdminQuorum(Tx tx, long workspaceId, int quorum) {
        Sql.update(tx, "UPDATE workspace SET admin_quorum = ? WHERE id = ?", quorum, workspaceId);
    }

    @Override
    public void lock(Tx tx, long workspaceId) {
        Sql.one(tx, "SELECT id FROM workspace WHERE id = ? FOR UPDATE", row -> row.getLong(1), workspaceId);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] unb64(String text) {
        return Base64.getDecoder().decode(text);
    }
}
