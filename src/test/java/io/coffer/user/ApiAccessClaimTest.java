package io.coffer.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.coffer.common.Outcome;
import io.coffer.common.Role;
import io.coffer.common.Tx;
import io.coffer.common.UnitOfWork;
import io.coffer.common.WorkspaceKind;
import io.coffer.keys.ApproverKeys;
import java.lang.reflect.Proxy;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A refused API access claim does the same work whether or not its user exists, so neither its
 * answer nor how long it takes tells an anonymous caller which names are users.
 */
class ApiAccessClaimTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPair ALICE_KEY = ApproverKeys.generate(RANDOM);
    private static final KeyPair STRANGER_KEY = ApproverKeys.generate(RANDOM);

    private final List<String> calls = new ArrayList<>();
    private final ApiAccessService service = new ApiAccessService(new ReadOnly(), identities(), apiUsers(),
            new Secrets(RANDOM), InstantSource.fixed(Instant.parse("2026-12-02T10:00:00Z")), RANDOM,
            new IdentityCache(InstantSource.system(), 0));

    @Test
    void aForgedClaimForAUserAndOneForNoUserReadTheSameThings() {
        List<String> forAlice = refusedClaim("alice");
        List<String> forNobody = refusedClaim("nobody");
        List<String> forSuspended = refusedClaim("sleeper");
        assertThat(forAlice).containsExactly("byUsername", "find");
        assertThat(forNobody).isEqualTo(forAlice);
        assertThat(forSuspended).isEqualTo(forAlice);
    }

    @Test
    void aClaimSignedWithTheApprovedKeyGetsPastEveryCheck() {
        String challenge = ((Outcome.Ok<String>) service.challenge("acme", "alice")).value();
        // The only write a claim opens is the one that issues the key: reaching it proves every read-only check held.
        try {
            service.claim("acme", ApproverKeys.signChallenge(ALICE_KEY, challenge));
            fail("a valid claim should have asked to write");
        } catch (WriteAttempted expected) {
            assertThat(calls).containsExactly("byUsername", "byUsername", "find");
        }
    }

    private List<String> refusedClaim(String username) {
        String challenge = ((Outcome.Ok<String>) service.challenge("acme", username)).value();
        calls.clear();
        Outcome<ApiUserCredentials> claim = service.claim("acme", ApproverKeys.signChallenge(STRANGER_KEY, challenge));
        assertThat(claim).isInstanceOf(Outcome.Failed.class);
        assertThat(((Outcome.Failed<ApiUserCredentials>) claim).problem().message())
                .isEqualTo("the API access claim is invalid or expired");
        return List.copyOf(calls);
    }

    private Identities identities() {
        return (Identities) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Identities.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    if (!method.getName().equals("byUsername")) {
                        throw new AssertionError("unexpected " + method.getName());
                    }
                    String username = (String) args[2];
                    return switch (username) {
                        case "alice" -> Optional.of(identity(7, username, UserStatus.ACTIVE));
                        case "sleeper" -> Optional.of(identity(8, username, UserStatus.ACCESS_SUSPENDED));
                        default -> Optional.empty();
                    };
                });
    }

    private ApiUsers apiUsers() {
        return (ApiUsers) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ApiUsers.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    if (!method.getName().equals("find")) {
                        throw new AssertionError("unexpected " + method.getName());
                    }
                    long userId = (long) args[2];
                    return userId == 7
                            ? Optional.of(new ApiUser(7, 1, "alice", Role.OPERATOR, false, UserStatus.ACTIVE, "key-id",
                                    Optional.of(ApproverKeys.publicHex(ALICE_KEY)), Optional.empty(),
                                    Instant.EPOCH, Optional.empty()))
                            : Optional.empty();
                });
    }

    private static Identity identity(long userId, String username, UserStatus status) {
        return new Identity(1, "acme", WorkspaceKind.LIVE, Duration.ZERO, new byte[32], userId, username,
                Role.OPERATOR, false, status, "hash", 0);
    }

    /** Reads run at once; a write means a claim was accepted. */
    private static final class ReadOnly implements UnitOfWork {
        @Override
        public <T> Outcome<T> write(Function<Tx, Outcome<T>> work) {
            throw new WriteAttempted();
        }

        @Override
        public <T> T read(Function<Tx, T> work) {
            return work.apply(null);
        }
    }

    private static final class WriteAttempted extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
