package io.coffer.user;

import io.coffer.common.Tx;
import java.time.Instant;
import java.util.Optional;

/** Storage of refresh tokens, by hash only. */
public interface RefreshTokens {

    /** A stored refresh token. */
    record Stored(String tokenHash, long workspaceId, long userId, String family, Instant expiresAt,
                  boolean used, boolean revoked) {
    }

    void create(Tx tx, Stored token);

    /** Whether a token with this hash exists (a read, for refusing unknown tokens without a write). */
    java.util.Optional<Stored> find(Tx tx, String tokenHash);

    /** Finds a token and locks it until the transaction ends. */
    Optional<Stored> lock(Tx tx, String tokenHash);

    void markUsed(Tx tx, String tokenHash);

    /** Revokes every token of a family (a reused token means the family leaked). */
    void revokeFamily(Tx tx, String family);

    /** Whether some token expired before {@code expiredBefore}: a read, so idle passes write nothing. */
    boolean purgeDue(Tx tx, Instant expiredBefore);

    /** Deletes at most {@code max} tokens that expired before {@code expiredBefore}, the oldest first. */
    int purge(Tx tx, Instant expiredBefore, int max);
}
