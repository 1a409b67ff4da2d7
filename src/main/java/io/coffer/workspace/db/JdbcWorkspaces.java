package io.coffer.workspace.db;

import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.common.UnitOfWork;
import io.coffer.common.WorkspaceKind;
import io.coffer.db.Sql;
import io.coffer.db.StorageException;
import io.coffer.keys.KeyVault;
import io.coffer.keys.WorkspaceKeys;
import io.coffer.workspace.Workspace;
import io.coffer.workspace.Workspaces;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@link Workspaces} over JDBC. The secret parts of a workspace's keys (seed, token key, signing
 * key) are stored sealed by the {@link KeyVault}, each bound to its workspace and field; the
 * certificates, which are public, are stored in clear (base64 DER).
 */
public final class JdbcWorkspaces implements Workspaces {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String PROBE_PLACE = "master-key-probe";
    private static final byte[] PROBE = "coffer master key probe".getBytes(StandardCharsets.US_ASCII);

    private final KeyVault vault;

    public JdbcWorkspaces(KeyVault vault) {
        this.vault = vault;
    }

    private static String place(String workspaceName, String field) {
        return KeyVault.workspacePlace(workspaceName, field);
    }

    @Override
    public Optional<Long> create(Tx tx, String name, WorkspaceKind kind, Instant createdOn, WorkspaceKeys keys) {
        if (Sql.count(tx, "SELECT COUNT(*) FROM workspace WHERE name = ?", name) > 0) {
            return Optional.empty();
        }
        try {
            long id = Sql.insert(tx, """
                    INSERT INTO workspace (name, kind, created_on, clock_offset_ms, token_key, seed, root_cert, leaf_cert, leaf_key)
                    VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?)""",
                    name, kind, createdOn, vault.seal(keys.tokenKey(), place(name, "token_key")),
                    vault.seal(keys.seed(), place(name, "seed")), b64(keys.rootCertificate()), b64(keys.leafCertificate()),
                    vault.seal(keys.leafPrivateKey(), place(name, "leaf_key")));
            // The workspace's event counter exists from the start, so taking a number is always an update.
            Sql.update(tx, "INSERT INTO event_sequence (workspace_id, last_seq) VALUES (?, 0)", id);
            return Optional.of(id);
        } catch (StorageException e) {
            if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<Workspace> find(Tx tx, long workspaceId) {
        return Sql.one(tx, "SELECT id, name, kind, created_on, clock_offset_ms FROM workspace WHERE id = ?",
                row -> new Workspace(row.getLong("id"), row.getString("name"), WorkspaceKind.valueOf(row.getString("kind")),
                        Sql.instant(row, "created_on"), Duration.ofMillis(row.getLong("clock_offset_ms"))),
                workspaceId);
    }

    @Override
    public WorkspaceKeys keys(Tx tx, long workspaceId) {
        return Sql.one(tx, "SELECT name, token_key, seed, root_cert, leaf_cert, leaf_key FROM workspace WHERE id = ?",
                row -> {
                    String name = row.getString("name");
                    return new WorkspaceKeys(vault.open(row.getString("seed"), place(name, "seed")),
                            vault.open(row.getString("token_key"), place(name, "token_key")),
                            unb64(row.getString("root_cert")), unb64(row.getString("leaf_cert")),
                            vault.open(row.getString("leaf_key"), place(name, "leaf_key")));
                },
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

    /** The key id the database's probe was sealed under, if a master key was ever used with it. */
    public static Optional<String> probeKeyId(UnitOfWork unitOfWork) {
        return unitOfWork.read(tx -> Sql.one(tx, "SELECT key_id FROM master_key_probe WHERE id = 1", row -> row.getString(1)));
    }

    /**
     * Checks that this vault's master key is the database's: the probe sealed on first use must open.
     * On first use it writes the probe and seals any key material an earlier version left in clear,
     * in one transaction.
     *
     * @throws IllegalStateException with a message for the operator when the key is not the database's
     */
    public void checkMasterKey(UnitOfWork unitOfWork) {
        Optional<String> probe = unitOfWork.read(tx -> Sql.one(tx, "SELECT sealed FROM master_key_probe WHERE id = 1",
                row -> row.getString(1)));
        if (probe.isPresent()) {
            try {
                vault.open(probe.get(), PROBE_PLACE);
                return;
            } catch (KeyVault.SealBroken e) {
                throw new IllegalStateException("the master key (id " + vault.keyId() + ") is not the key this database's"
                        + " workspace keys are sealed under (id " + probeKeyId(unitOfWork).orElse("?") + ");"
                        + " point COFFER_MASTER_KEY_FILE at the right key file");
            }
        }
        Outcome<Object> written = unitOfWork.write(tx -> {
            sealClearKeys(tx);
            Sql.update(tx, "INSERT INTO master_key_probe (id, key_id, sealed) VALUES (1, ?, ?)", vault.keyId(),
                    vault.seal(PROBE, PROBE_PLACE));
            return Outcome.ok(null);
        });
        if (!written.isOk()) {
            // Instances started together on a fresh database race for the probe: the one that lost checks
            // its key against the winner's probe instead of failing to start.
            if (probeKeyId(unitOfWork).isEmpty()) {
                written.orElseThrow();
            }
            checkMasterKey(unitOfWork);
        }
    }

    /**
     * Seals every workspace's secrets under another master key, in the caller's transaction: after
     * it commits, only {@code next} opens them.
     *
     * @return how many workspaces were resealed
     */
    public int reseal(Tx tx, KeyVault next) {
        List<Long> ids = Sql.list(tx, "SELECT id FROM workspace ORDER BY id FOR UPDATE", row -> row.getLong(1));
        JdbcWorkspaces target = new JdbcWorkspaces(next);
        for (Long id : ids) {
            String name = Sql.one(tx, "SELECT name FROM workspace WHERE id = ?", row -> row.getString(1), id).orElseThrow();
            target.writeSecrets(tx, id, name, keys(tx, id));
        }
        Sql.update(tx, "UPDATE master_key_probe SET key_id = ?, sealed = ? WHERE id = 1", next.keyId(),
                next.seal(PROBE, PROBE_PLACE));
        return ids.size();
    }

    /** Key material written by versions before sealing: sealed now, in place. */
    private void sealClearKeys(Tx tx) {
        record Clear(long id, String name, String tokenKey, String seed, String leafKey) {
        }
        List<Clear> rows = Sql.list(tx, "SELECT id, name, token_key, seed, leaf_key FROM workspace ORDER BY id FOR UPDATE",
                row -> new Clear(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)));
        for (Clear row : rows) {
            if (!KeyVault.isSealed(row.seed())) {
                WorkspaceKeys clear = new WorkspaceKeys(unb64(row.seed()), unb64(row.tokenKey()), new byte[0], new byte[0],
                        unb64(row.leafKey()));
                writeSecrets(tx, row.id(), row.name(), clear);
            }
        }
    }

    private void writeSecrets(Tx tx, long id, String name, WorkspaceKeys keys) {
        Sql.update(tx, "UPDATE workspace SET token_key = ?, seed = ?, leaf_key = ? WHERE id = ?",
                vault.seal(keys.tokenKey(), place(name, "token_key")), vault.seal(keys.seed(), place(name, "seed")),
                vault.seal(keys.leafPrivateKey(), place(name, "leaf_key")), id);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] unb64(String text) {
        return Base64.getDecoder().decode(text);
    }
}
