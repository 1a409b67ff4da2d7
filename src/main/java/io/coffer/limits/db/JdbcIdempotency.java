package io.coffer.limits.db;

import io.coffer.common.Tx;
import io.coffer.db.Sql;
import io.coffer.limits.IdempotencyKey;
import io.coffer.limits.IdempotencyRecord;
import io.coffer.limits.IdempotencyStore;
import io.coffer.limits.StoredAnswer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@link IdempotencyStore} over the {@code idempotency_key} table. */
public final class JdbcIdempotency implements IdempotencyStore {

    private static final String KEY = "workspace_id = ? AND user_id = ? AND idem_key = ?";

    @Override
    public Optional<IdempotencyRecord> find(Tx tx, long workspaceId, long userId, IdempotencyKey key) {
        return Sql.one(tx, "SELECT id, body_hash, claim, status, content_type, answer, created_at, claimed_at, applied"
                + " FROM idempotency_key WHERE " + KEY, row -> map(row, workspaceId, userId, key),
                workspaceId, userId, key.value());
    }

    @Override
    public void insert(Tx tx, IdempotencyRecord claim) {
        Sql.update(tx, "INSERT INTO idempotency_key (workspace_id, user_id, idem_key, body_hash, claim, created_at,"
                + " claimed_at) VALUES (?, ?, ?, ?, ?, ?, ?)", claim.workspaceId(), claim.userId(), claim.key().value(),
                claim.bodyHash(), claim.claim(), claim.createdAt(), claim.claimedAt());
    }

    @Override
    public boolean reclaim(Tx tx, IdempotencyRecord old, String token, String bodyHash, Instant createdAt,
                           Instant claimedAt) {
        return Sql.update(tx, "UPDATE idempotency_key SET claim = ?, body_hash = ?, status = NULL, content_type = NULL,"
                + " answer = NULL, created_at = ?, claimed_at = ?, applied = FALSE WHERE id = ? AND claim = ?",
                token, bodyHash, createdAt, claimedAt, old.id(), old.claim()) == 1;
    }

    @Override
    public boolean complete(Tx tx, long workspaceId, long userId, IdempotencyKey key, String token, int status,
                            Optional<StoredAnswer> answer) {
        return Sql.update(tx, "UPDATE idempotency_key SET status = ?, content_type = ?, answer = ? WHERE " + KEY
                        + " AND claim = ? AND status IS NULL", status,
                Sql.orNull(answer.map(StoredAnswer::contentType), Sql.NULL_VARCHAR),
                Sql.orNull(answer.map(StoredAnswer::body), Sql.NULL_BINARY), workspaceId, userId, key.value(), token) == 1;
    }

    @Override
    public void release(Tx tx, long workspaceId, long userId, IdempotencyKey key, String token, int status) {
        Sql.update(tx, "DELETE FROM idempotency_key WHERE " + KEY + " AND claim = ? AND status IS NULL AND applied = FALSE",
                workspaceId, userId, key.value(), token);
        Sql.update(tx, "UPDATE idempotency_key SET status = ? WHERE " + KEY + " AND claim = ? AND status IS NULL"
                + " AND applied = TRUE", status, workspaceId, userId, key.value(), token);
    }

    @Override
    public void markApplied(Tx tx, long workspaceId, long userId, IdempotencyKey key, String token) {
        Sql.update(tx, "UPDATE idempotency_key SET applied = TRUE WHERE " + KEY + " AND claim = ? AND status IS NULL",
                workspaceId, userId, key.value(), token);
    }

    @Override
    public boolean purgeDue(Tx tx, Instant claimedBefore) {
        return Sql.one(tx, "SELECT 1 FROM idempotency_key WHERE claimed_at < ? FETCH FIRST 1 ROWS ONLY",
                row -> true, claimedBefore).isPresent();
    }

    @Override
    public int purge(Tx tx, Instant claimedBefore, int max) {
        return Sql.update(tx, "DELETE FROM idempotency_key WHERE id IN (SELECT id FROM idempotency_key"
                + " WHERE claimed_at < ? ORDER BY claimed_at FETCH FIRST " + max + " ROWS ONLY)", claimedBefore);
    }

    private static IdempotencyRecord map(ResultSet row, long workspaceId, long userId, IdempotencyKey key)
            throws SQLException {
        int status = row.getInt("status");
        Optional<Integer> done = row.wasNull() ? Optional.empty() : Optional.of(status);
        byte[] body = row.getBytes("answer");
        String contentType = row.getString("content_type");
        Optional<StoredAnswer> answer = done.isPresent() && body != null && contentType != null
                ? Optional.of(new StoredAnswer(status, contentType, body)) : Optional.empty();
        return new IdempotencyRecord(row.getLong("id"), workspaceId, userId, key, row.getString("body_hash"),
                row.getString("claim"), done, answer, Sql.instant(row, "created_at"), Sql.instant(row, "claimed_at"),
                row.getBoolean("applied"));
    }
}
