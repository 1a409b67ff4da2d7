package io.coffer.user;

import io.coffer.common.Outcome;
import io.coffer.common.Problem;
import io.coffer.common.Tx;
import io.coffer.common.UnitOfWork;
import io.coffer.common.WorkspaceClock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Issues access and refresh tokens for API keys, and rotates refresh tokens: each one works once,
 * and presenting a used one revokes every token descended from the same login.
 */
public final class AuthService {

    private static final String REFUSED = "invalid API key id or secret";
    /**
     * How long a refresh token is kept after it expired: within it, a replay of a used one still ends
     * its user's sessions (a copied token is a theft, even late); past it, the row is deleted, so the
     * table holds the tokens of the last lifetime plus a week rather than one row per login for ever.
     */
    public static final Duration REFRESH_RETENTION = Duration.ofDays(7);
    private static final int PURGE_BATCH = 1000;

    private sealed interface Rotation {
        record Rotated(TokenPair pair) implements Rotation {
        }

        /** @param sessionsEnded the workspace whose user's sessions were ended, when a copy was detected */
        record Refused(String message, Optional<Long> sessionsEnded) implements Rotation {
            Refused(String message) {
                this(message, Optional.empty());
            }
        }
    }

    private final UnitOfWork unitOfWork;
    private final Identities identities;
    private final RefreshTokens refreshTokens;
    private final ApiUsers users;
    private final Secrets secrets;
    private final InstantSource clock;
    private final Duration refreshLifetime;

    private final IdentityCache identityCache;

    /** @param identityCache forgotten for the workspace when a copied refresh token ends a user's sessions */
    public AuthService(UnitOfWork unitOfWork, Identities identities, RefreshTokens refreshTokens, ApiUsers users,
                       IdentityCache identityCache, Secrets secrets, InstantSource clock, Duration refreshLifetime) {
        this.users = users;
        this.identityCache = identityCache;
        this.unitOfWork = unitOfWork;
        this.identities = identities;
        this.refreshTokens = refreshTokens;
        this.secrets = secrets;
        this.clock = clock;
        this.refreshLifetime = refreshLifetime;
    }

    /**
     * Exchanges an API key for tokens.
     *
     * @param workspace the workspace named by the request, if it named one; it must be the key's
     */
    public Outcome<TokenPair> token(String apiKeyId, String apiKeySecret, Optional<String> workspace) {
        // Checked by reading first: wrong keys never take a place in the writer's queue.
        Optional<Identity> found = unitOfWork.read(tx -> identities.byApiKeyId(tx, apiKeyId))
                .filter(identity -> Secrets.matches(apiKeySecret, identity.secretHash()))
                .filter(Identity::mayUseApiKey)
                .filter(identity -> workspace.isEmpty() || workspace.get().equals(identity.workspaceName()));
        if (found.isEmpty()) {
            return Outcome.failed(Problem.unauthenticated(REFUSED));
        }
        return unitOfWork.write(tx -> identities.byApiKeyId(tx, apiKeyId)
                .filter(identity -> identity.secretHash().equals(found.get().secretHash()))
                .filter(Identity::mayUseApiKey)
                .<Outcome<TokenPair>>map(identity -> Outcome.ok(issue(tx, identity, secrets.token(16))))
                .orElseGet(() -> Outcome.failed(Problem.unauthenticated(REFUSED))));
    }

    /** Exchanges a refresh token, once, for a new pair. */
    public Outcome<TokenPair> refresh(String refreshToken, Optional<String> workspace) {
        if (unitOfWork.read(tx -> refreshTokens.find(tx, Secrets.hash(refreshToken))).isEmpty()) {
            return Outcome.failed(Problem.unauthenticated("invalid refresh token"));
        }
        Outcome<Rotation> outcome = unitOfWork.write(tx -> Outcome.ok(rotate(tx, refreshToken, workspace)));
        return outcome.flatMap(rotation -> switch (rotation) {
            case Rotation.Rotated rotated -> Outcome.ok(rotated.pair());
            case Rotation.Refused refused -> {
                refused.sessionsEnded().ifPresent(identityCache::evictWorkspace);
                yield Outcome.failed(Problem.unauthenticated(refused.message()));
            }
        });
    }

    private Rotation rotate(Tx tx, String refreshToken, Optional<String> workspace) {
        Optional<RefreshTokens.Stored> found = refreshTokens.lock(tx, Secrets.hash(refreshToken));
        if (found.isEmpty()) {
            return new Rotation.Refused("invalid refresh token");
        }
        RefreshTokens.Stored stored = found.get();
        if (stored.used() || stored.revoked()) {
            // A refresh token used twice was copied: every session of the user ends, not only this family.
            refreshTokens.revokeFamily(tx, stored.family());
            if (stored.used()) {
                users.endSessions(tx, stored.userId());
                return new Rotation.Refused("refresh token was already used: every session of its user is ended",
                        Optional.of(stored.workspaceId()));
            }
            return new Rotation.Refused("refresh token was already used; its session is revoked");
        }
        Optional<Identity> identity = identities.byApiKeyOwner(tx, stored.workspaceId(), stored.userId())
                .filter(Identity::mayUseApiKey)
                .filter(candidate -> workspace.isEmpty() || workspace.get().equals(candidate.workspaceName()));
        if (identity.isEmpty()) {
            return new Rotation.Refused("invalid refresh token");
        }
        Instant now = new WorkspaceClock(clock, identity.get().clockOffset()).now();
        if (!now.isBefore(stored.expiresAt())) {
            return new Rotation.Refused("refresh token expired");
        }
        refreshTokens.markUsed(tx, stored.tokenHash());
        return new Rotation.Rotated(issue(tx, identity.get(), stored.family()));
    }

    private TokenPair issue(Tx tx, Identity identity, String family) {
        Instant now = new WorkspaceClock(clock, identity.clockOffset()).now();
        String sessionState = secrets.token(16);
        String access = AccessTokens.issue(identity, now, sessionState, secrets.token(12));
        String refresh = secrets.token(32);
        refreshTokens.create(tx, new RefreshTokens.Stored(Secrets.hash(refresh), identity.workspaceId(),
                identity.userId(), family, now.plus(refreshLifetime), false, false));
        return new TokenPair(access, AccessTokens.LIFETIME.toSeconds(), refresh, sessionState, "Bearer");
    }

    /**
     * Deletes a bounded batch of refresh tokens expired for longer than {@link #REFRESH_RETENTION}.
     * Expiry is on the workspace clock, which is never behind the server's (its offset is not
     * negative), so a token expired by the server's clock is expired in its workspace too.
     *
     * @return how many were deleted
     */
    public int purgeExpiredRefreshTokens() {
        Instant before = clock.instant().minus(REFRESH_RETENTION);
        if (!unitOfWork.read(tx -> refreshTokens.purgeDue(tx, before))) {
            return 0;
        }
        return unitOfWork.write(tx -> Outcome.ok(refreshTokens.purge(tx, before, PURGE_BATCH))).orElseThrow();
    }
}
