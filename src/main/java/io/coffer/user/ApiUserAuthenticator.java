package io.coffer.user;

import io.coffer.common.Authenticator;
import io.coffer.common.Caller;
import io.coffer.common.Credentials;
import io.coffer.common.Outcome;
import io.coffer.common.Problem;
import io.coffer.common.UnitOfWork;
import io.coffer.common.WorkspaceClock;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Authenticates requests by access token, by the legacy API key headers or by a reporting key,
 * always within the workspace the request names: credentials of another workspace are refused like
 * wrong ones, and so are users that are not active (suspended, revoked, pending, rejected).
 */
public final class ApiUserAuthenticator implements Authenticator {

    private static final String INVALID_TOKEN = "invalid or expired access token";
    private static final String INVALID_KEY = "invalid API user or API key";

    private final UnitOfWork unitOfWork;
    private final Identities identities;
    private final InstantSource clock;
    private final IdentityCache cache;

    public ApiUserAuthenticator(UnitOfWork unitOfWork, Identities identities, InstantSource clock, IdentityCache cache) {
        this.unitOfWork = unitOfWork;
        this.identities = identities;
        this.clock = clock;
        this.cache = cache;
    }

    @Override
    public Outcome<Caller> authenticate(String workspaceName, Credentials credentials) {
        return switch (credentials) {
            case Credentials.BearerToken bearer -> bearer(workspaceName, bearer.token());
            case Credentials.ApiKeyHeaders headers -> apiKey(workspaceName, headers);
            case Credentials.ReportingKey key -> reportingKey(workspaceName, key.key());
        };
    }

    private Outcome<Caller> bearer(String workspaceName, String token) {
        Optional<AccessTokens.Parsed> parsed = AccessTokens.parse(token)
                .filter(candidate -> candidate.claims().workspace().equals(workspaceName));
        if (parsed.isEmpty()) {
            return refused(INVALID_TOKEN);
        }
        long userId = parsed.get().claims().userId();
        Optional<Identity> identity = cache.get("id:" + workspaceName + ":" + userId,
                () -> unitOfWork.read(tx -> identities.byUserId(tx, workspaceName, userId)));
        Optional<Identity> valid = identity
                .filter(Identity::mayUseApiKey)
                .filter(found -> parsed.get().validFor(found, new WorkspaceClock(clock, found.clockOffset()).now()));
        if (valid.isEmpty()) {
            return refused(INVALID_TOKEN);
        }
        AccessTokens.verified(token, parsed.get());
        return Outcome.ok(valid.get().toCaller());
    }

    private Outcome<Caller> apiKey(String workspaceName, Credentials.ApiKeyHeaders headers) {
        Optional<Identity> identity = cache.get("name:" + workspaceName + ":" + headers.username(),
                () -> unitOfWork.read(tx -> identities.byUsername(tx, workspaceName, headers.username())));
        return identity
                .filter(Identity::mayUseApiKey)
                .filter(found -> Secrets.matches(headers.apiKeySecret(), found.secretHash()))
                .map(found -> Outcome.ok(found.toCaller()))
                .orElseGet(() -> refused(INVALID_KEY));
    }

    private Outcome<Caller> reportingKey(String workspaceName, String key) {
        String hash = Secrets.hash(key);
        Optional<Identity> identity = cache.get("key:" + workspaceName + ":" + hash,
                () -> unitOfWork.read(tx -> identities.byReportingKeyHash(tx, workspaceName, hash)));
        return identity
                .filter(found -> found.status() == UserStatus.ACTIVE && found.role() == io.coffer.common.Role.READ_ONLY_API_KEY)
                .map(found -> Outcome.ok(found.toCaller()))
                .orElseGet(() -> refused("invalid, suspended or revoked reporting API key"));
    }

    private static Outcome<Caller> refused(String message) {
        return Outcome.failed(Problem.unauthenticated(message));
    }
}
