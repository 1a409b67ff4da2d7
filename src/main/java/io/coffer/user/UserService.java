package io.coffer.user;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Problem;
import io.coffer.common.Role;
import io.coffer.common.Tx;
import io.coffer.common.UnitOfWork;
import io.coffer.event.Event;
import io.coffer.event.EventType;
import io.coffer.event.Outbox;
import java.time.InstantSource;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** API users: creation with one-time secrets, reading as the caller may see them, access changes. */
public final class UserService {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}");

    /** What a new API user is given by its creator. */
    public record UserRequest(String username, Role role, boolean viewAll, Optional<String> publicKey) {
    }

    private final UnitOfWork unitOfWork;
    private final ApiUsers users;
    private final Secrets secrets;
    private final InstantSource clock;

    private final IdentityCache identities;

    private final Outbox outbox;

    /** A user service whose changes record no events (the command line, before any webhook can exist). */
    public UserService(UnitOfWork unitOfWork, ApiUsers users, Secrets secrets, InstantSource clock,
                       IdentityCache identities) {
        this(unitOfWork, users, secrets, clock, identities, Outbox.NONE);
    }

    /** @param identities forgotten when a user's access changes, so the change applies at once on this instance */
    public UserService(UnitOfWork unitOfWork, ApiUsers users, Secrets secrets, InstantSource clock,
                       IdentityCache identities, Outbox outbox) {
        this.outbox = outbox;
        this.identities = identities;
        this.unitOfWork = unitOfWork;
        this.users = users;
        this.clock = clock;
        this.secrets = secrets;
    }

    /** Creates an API user in the caller's workspace; only admins may. */
    public Outcome<ApiUserCredentials> createApiUser(Caller caller, UserRequest request) {
        if (caller.role() != Role.ADMIN) {
            return Outcome.failed(Problem.forbidden("only an ADMIN API user can create API users"));
        }
        Instant now = caller.clock(clock).now();
        return unitOfWork.write(tx -> create(tx, caller.workspaceId(), request, Optional.of(caller.userId()), now)
                .map(created -> {
                    outbox.record(tx, Event.of(caller.workspaceId(), EventType.NEW_USER_HAS_BEEN_CREATED, created.id(),
                            Optional.empty(), now));
                    return created;
                }));
    }

    /** Creates an API user, in the given status, inside a transaction someone else runs. */
    public Outcome<ApiUserCredentials> create(Tx tx, long workspaceId, UserRequest request, Optional<Long> createdBy,
                                              Instant now, UserStatus status) {
        Outcome<Void> username = checkUsername(request.username());
        if (username instanceof Outcome.Failed<Void> failed) {
            return Outcome.failed(failed.problem());
        }
        Optional<String> publicKey = Optional.empty();
        if (request.publicKey().isPresent()) {
            publicKey = ApprovalKeys.normalize(request.publicKey().get());
            if (publicKey.isEmpty()) {
                return Outcome.invalid("public_key must be an uncompressed P-256 point in hex (04 followed by 128 hex digits)");
            }
        }
        if (users.usernameTaken(tx, workspaceId, request.username())) {
            return Outcome.invalid("username '" + request.username() + "' is already taken in this workspace");
        }
        String apiKeyId = secrets.token(16);
        String secret = secrets.token(32);
        long id = users.create(tx, new NewApiUser(workspaceId, request.username(), request.role(), request.viewAll(),
                apiKeyId, Secrets.hash(secret), publicKey, createdBy, now, status));
        return Outcome.ok(new ApiUserCredentials(id, request.username(), apiKeyId, secret));
    }

    /** The spelling every username (and reporting key name) follows. */
    public static Outcome<Void> checkUsername(String username) {
        return USERNAME.matcher(username).matches() ? Outcome.ok(null)
                : Outcome.invalid("username must be 1-64 letters, digits or _ . @ - and start with a letter or digit");
    }

    /** Creates an active API user inside a transaction someone else runs (workspace creation). */
    public Outcome<ApiUserCredentials> create(Tx tx, long workspaceId, UserRequest request, Optional<Long> createdBy,
                                              Instant now) {
        return create(tx, workspaceId, request, createdBy, now, UserStatus.ACTIVE);
    }

    /** How many active admins the workspace has. */
    public int activeAdmins(Tx tx, long workspaceId) {
        return users.activeAdmins(tx, workspaceId).size();
    }

    public Outcome<ApiUser> get(Caller caller, long userId) {
        return unitOfWork.read(tx -> users.findVisible(tx, caller, userId).map(Outcome::ok)
                .orElseGet(() -> Outcome.notFound("user " + userId + " not found")));
    }

    public Page<ApiUser> search(Caller caller, UserFilter filter, PageRequest page) {
        return unitOfWork.read(tx -> users.search(tx, caller, filter, page));
    }

    /**
     * Gives an active API user new credentials and shows them once (the sandbox's "generate API
     * access"); the previous secret stops working at once.
     */
    public Outcome<ApiUserCredentials> revealAccess(Caller caller, long userId) {
        if (caller.role() != Role.ADMIN) {
            return Outcome.failed(Problem.forbidden("only an ADMIN API user can generate API access"));
        }
        return unitOfWork.write(tx -> users.find(tx, caller.workspaceId(), userId).map(user -> {
            if (user.reportingKey() || user.status() != UserStatus.ACTIVE) {
                return Outcome.<ApiUserCredentials>invalid("user " + userId + " is " + user.status()
                        + (user.reportingKey() ? " and a reporting key" : "") + ": only active API users get API access");
            }
            String apiKeyId = secrets.token(16);
            String secret = secrets.token(32);
            users.replaceSecret(tx, userId, apiKeyId, Secrets.hash(secret));
            users.endSessions(tx, userId);
            return Outcome.ok(new ApiUserCredentials(userId, user.username(), apiKeyId, secret));
        }).orElseGet(() -> Outcome.notFound("user " + userId + " not found"))).map(issued -> {
            identities.evictWorkspace(caller.workspaceId());
            return issued;
        });
    }

    /** Suspends or restores a user's access at once (no request, as Ledger Enterprise does for suspension). */
    public Outcome<ApiUser> setAccess(Caller caller, long userId, boolean active) {
        if (caller.role() != Role.ADMIN) {
            return Outcome.failed(Problem.forbidden("only an ADMIN API user can suspend access"));
        }
        if (userId == caller.userId()) {
            return Outcome.invalid("an API user cannot suspend its own access");
        }
        return unitOfWork.write(tx -> users.find(tx, caller.workspaceId(), userId).map(user -> {
            // Both users locked in id order: two admins suspending each other at once cannot both succeed.
            users.lock(tx, caller.workspaceId(), Math.min(userId, caller.userId()));
            users.lock(tx, caller.workspaceId(), Math.max(userId, caller.userId()));
            if (users.find(tx, caller.workspaceId(), caller.userId()).filter(me -> me.status() == UserStatus.ACTIVE).isEmpty()) {
                return Outcome.<ApiUser>invalid("user " + caller.userId() + " is no longer active");
            }
            UserStatus from = active ? UserStatus.ACCESS_SUSPENDED : UserStatus.ACTIVE;
            UserStatus current = users.find(tx, caller.workspaceId(), userId).orElseThrow().status();
            if (current != from) {
                return Outcome.<ApiUser>invalid("user " + userId + " is " + current + ", not " + from);
            }
            users.setStatus(tx, userId, active ? UserStatus.ACTIVE : UserStatus.ACCESS_SUSPENDED);
            outbox.record(tx, Event.of(caller.workspaceId(), active ? EventType.USER_HAS_BEEN_UNSUSPENDED
                    : EventType.USER_HAS_BEEN_SUSPENDED, userId, Optional.empty(), caller.clock(clock).now()));
            if (!active) {
                users.endSessions(tx, userId);
            }
            return Outcome.ok(users.find(tx, caller.workspaceId(), userId).orElseThrow());
        }).orElseGet(() -> Outcome.notFound("user " + userId + " not found"))).map(changed -> {
            identities.evictWorkspace(caller.workspaceId());
            return changed;
        });
    }
}
