package io.coffer.user.db;

import io.coffer.common.Tx;
import io.coffer.db.Sql;
import io.coffer.user.RefreshTokens;
import java.time.Instant;
import java.util.Optional;

/** {@link RefreshTokens} over JDBC. */
public final class JdbcRefreshTokens implements RefreshTokens {

    @Override
    public void create(Tx tx, Stored token) {
        Sql.update(tx, """
                INSERT INTO refresh_token (token_hash, workspace_id, user_id, family, expires_at, used, revoked)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                token.tokenHash(), token.workspaceId(), token.userId(), token.family(), token.expiresAt(),
                token.used(), token.revoked());
    }

    @Override
    public Optional<Stored> find(Tx tx, String tokenHash) {
        return Sql.one(tx, SELECT + " WHERE token_hash = ?", JdbcRefreshTokens::map, tokenHash);
    }

    @Override
    public Optional<Stored> lock(Tx tx, String tokenHash) {
        return Sql.one(tx, SELECT + " WHERE token_hash = ? FOR UPDATE", JdbcRefreshTokens::map, tokenHash);
    }

    private static final String SELECT =
            "SELECT token_hash, workspace_id, user_id, family, expires_at, used, revoked FROM refresh_token";

    private static Stored map(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Stored(row.getString("token_hash"), row.getLong("workspace_id"), row.getLong("user_id"),
                row.getString("family"), Sql.instant(row, "expires_at"), row.getBoolean("used"), row.getBoolean("revoked"));
    }

    @Override
    public void markUsed(Tx tx, String tokenHash) {
        Sql.update(tx, "UPDATE refresh_token SET used = TRUE WHERE token_hash = ?", tokenHash);
    }

    @Override
    public void revokeFamily(Tx tx, String family) {
        Sql.update(tx, "UPDATE refresh_token SET revoked = TRUE WHERE family = ?", family);
    }

    @Override
    public boolean purgeDue(Tx tx, Instant expiredBefore) {
        return Sql.one(tx, "SELECT 1 FROM refresh_token WHERE expires_at < ? FETCH FIRST 1 ROWS ONLY",
                row -> true, expiredBefore).isPresent();
    }

    @Override
    public int purge(Tx tx, Instant expiredBefore, int max) {
        return Sql.update(tx, "DELETE FROM refresh_token WHERE token_hash IN (SELECT token_hash FROM refresh_token"
                + " WHERE expires_at < ? ORDER BY expires_at FETCH FIRST " + max + " ROWS ONLY)", expiredBefore);
    }
}
