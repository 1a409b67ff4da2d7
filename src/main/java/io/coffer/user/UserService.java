package io.coffer.user;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Problem;
import io.coffer.common.Role;
import io.coffer.common.Tx;
import io.coffer.common.UnitOfWork;
import java.time.InstantSource;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** Creates API users and their one-time secrets. */
public final class UserService {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}");

    /** What a new API user is given by its creator. */
    public record UserRequest(String username, Role role, boolean viewAll, Optional<String> publicKey) {
    }

    private final UnitOfWork unitOfWork;
    private final ApiUsers users;
    private final Secrets secrets;
    private final InstantSource clock;

    public UserService(UnitOfWork unitOfWork, ApiUsers users, Secrets secrets, InstantSource clock) {
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
        return unitOfWork.write(tx -> create(tx, caller.workspaceId(), request, Optional.of(caller.userId()), now));
    }

    /** Creates an API user inside a transaction someone else runs (workspace creation). */
    public Outcome<ApiUserCredentials> create(Tx tx, long workspaceId, UserRequest request, Optional<Long> createdBy,
                                              Instant now) {
        if (!USERNAME.matcher(request.username()).matches()) {
            return Outcome.invalid("username must be 1-64 letters, digits or _ . @ - and start with a letter or digit");
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
                apiKeyId, Secrets.hash(secret), publicKey, createdBy, now));
        return Outcome.ok(new ApiUserCredentials(id, request.username(), apiKeyId, secret));
    }
}
