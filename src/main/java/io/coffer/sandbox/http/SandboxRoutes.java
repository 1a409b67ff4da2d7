package io.coffer.sandbox.http;

import io.coffer.account.AccountService;
import io.coffer.account.NewAccountRequest;
import io.coffer.account.http.AccountJson;
import io.coffer.account.http.RulesJson;
import io.coffer.common.Caller;
import io.coffer.common.Role;
import io.coffer.common.WorkspaceKind;
import io.coffer.http.Api;
import io.coffer.http.ApiException;
import io.coffer.http.Bodies;
import io.coffer.http.CallerHandler;
import io.coffer.http.ErrorBody;
import io.coffer.http.Json;
import io.coffer.http.JsonFields;
import io.coffer.http.PathParams;
import io.coffer.http.Responses;
import io.coffer.limits.RateLimitPolicy;
import io.coffer.limits.RateLimiter;
import io.coffer.limits.WorkspaceLimits;
import io.coffer.request.RequestService;
import io.coffer.transaction.TransactionService;
import io.coffer.transaction.http.TransactionJson;
import io.coffer.user.ApiUserCredentials;
import io.coffer.user.UserService;
import io.coffer.workspace.WorkspaceService;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;

/**
 * The sandbox API, a Coffer extension: create sandbox workspaces, API users and accounts, deposit
 * funds, mine blocks and move the workspace clock. These calls bypass governance, so they work only
 * in sandbox workspaces (a live workspace answers every one with 403 and changes nothing), and
 * those that change something are for admins only (an operator's integration meets exactly the
 * rules it will meet live). Bound to a non-loopback address, every call also needs
 * {@code X-Coffer-Sandbox-Token}.
 */
public final class SandboxRoutes {

    static final HeaderName SANDBOX_TOKEN = HeaderNames.create("X-Coffer-Sandbox-Token");

    record ApiUserView(long id, String username, String apiKeyId, String apiKeySecret) {
        static ApiUserView of(ApiUserCredentials credentials) {
            return new ApiUserView(credentials.id(), credentials.username(), credentials.apiKeyId(),
                    credentials.apiKeySecret());
        }
    }

    record WorkspaceCreated(String workspace, ApiUserView apiUser) {
    }

    record ApiUserCreated(ApiUserView apiUser) {
    }

    record Mined(String currency, long height) {
    }

    record Clock(String now) {
    }

    record RawTransaction(long id, String raw) {
    }

    record NetworkSettings(String currency, double failureRate, Integer blockIntervalSeconds) {
    }

    record RateLimits(boolean enabled, int transactionRequestsPerHour, int otherPostsPerHour, int pendingRequests) {
        static RateLimits of(RateLimitPolicy policy) {
            return new RateLimits(policy.enabled(), policy.transactionRequestsPerHour(), policy.otherPostsPerHour(),
                    policy.pendingRequests());
        }
    }

    private final WorkspaceService workspaces;
    private final UserService users;
    private final AccountService accounts;
    private final TransactionService transactions;
    private final RequestService requests;
    private final RateLimiter limits;
    private final Bodies bodies;
    private final Optional<byte[]> requiredToken;
    /** Other features' work that the clock makes due (staking rewards), run after the clock moves. */
    private final java.util.List<java.util.function.LongConsumer> clockListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param requiredToken the token sandbox calls must carry, or empty on a loopback-only server
     */
    public SandboxRoutes(WorkspaceService workspaces, UserService users, AccountService accounts,
                         TransactionService transactions, RequestService requests, RateLimiter limits, Bodies bodies,
                         Optional<String> requiredToken) {
        this.limits = limits;
        this.workspaces = workspaces;
        this.users = users;
        this.accounts = accounts;
        this.transactions = transactions;
        this.requests = requests;
        this.bodies = bodies;
        this.requiredToken = requiredToken.map(token -> token.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds work to do in a workspace when its clock moves (given the workspace id); set up at wiring. */
    public SandboxRoutes onClockMoved(java.util.function.LongConsumer listener) {
        clockListeners.add(listener);
        return this;
    }

    public void register(Api api) {
        api.publicPost("/sandbox/workspaces", guardedBootstrap(this::createWorkspace));
        api.post("/sandbox/api-users", guardedWrite(this::createApiUser));
        api.post("/sandbox/accounts", guardedWrite(this::createAccount));
        api.post("/sandbox/accounts/{account_id}/deposits", guardedWrite(this::deposit));
        api.post("/sandbox/networks/{currency}/blocks", guardedWrite(this::mine));
        api.get("/sandbox/clock", guardedRead(this::clock));
        api.post("/sandbox/clock", guardedWrite(this::advanceClock));
        api.post("/sandbox/networks/{currency}/settings", guardedWrite(this::networkSettings));
        api.get("/sandbox/transactions/{transaction_id}/raw", guardedRead(this::rawTransaction));
        api.post("/sandbox/rate-limits", guardedWrite(this::rateLimits));
    }

    private void createWorkspace(ServerRequest req, ServerResponse res) {
        JsonFields body = bodies.object(req).allowOnly("name", "username", "public_key");
        Responses.noStore(res);
        Responses.outcome(res, workspaces.create(body.string("name"), WorkspaceKind.SANDBOX,
                        body.optionalString("username").orElse("admin"), body.optionalString("public_key")),
                created -> new WorkspaceCreated(created.name(), ApiUserView.of(created.admin())));
    }

    private void createApiUser(ServerRequest req, ServerResponse res, Caller caller) {
        JsonFields body = bodies.object(req).allowOnly("username", "role", "view_all", "public_key");
        Role role = body.optionalString("role").map(name -> switch (name) {
            case "ADMIN" -> Role.ADMIN;
            case "OPERATOR" -> Role.OPERATOR;
            default -> throw ApiException.badRequest("field 'role' must be OPERATOR or ADMIN");
        }).orElse(Role.OPERATOR);
        boolean viewAll = body.optionalBoolean("view_all").orElse(role == Role.ADMIN);
        Responses.noStore(res);
        Responses.outcome(res, users.createApiUser(caller, new UserService.UserRequest(body.string("username"), role,
                viewAll, body.optionalString("public_key"))), created -> new ApiUserCreated(ApiUserView.of(created)));
    }

    private void createAccount(ServerRequest req, ServerResponse res, Caller caller) {
        JsonFields body = bodies.object(req).allowOnly("name", "currency", "contract_address", "parent", "governance_rules");
        NewAccountRequest request = new NewAccountRequest(body.string("name"), body.string("currency"),
                body.optionalString("contract_address"), body.optionalLong("parent"),
                body.optionalArray("governance_rules").map(RulesJson::parse));
        Responses.outcome(res, accounts.create(caller, request), details -> AccountJson.view(details, caller));
    }

    private void deposit(ServerRequest req, ServerResponse res, Caller caller) {
        long accountId = PathParams.id(req, "account_id");
        JsonFields body = bodies.object(req).allowOnly("amount", "sender");
        Responses.outcome(res, transactions.deposit(caller, accountId, body.amount("amount"), body.optionalString("sender")),
                TransactionJson::view);
    }

    private void mine(ServerRequest req, ServerResponse res, Caller caller) {
        String currency = PathParams.string(req, "currency");
        JsonFields body = bodies.optionalObject(req).allowOnly("count");
        long count = body.optionalLong("count").orElse(1L);
        if (count < 1 || count > 1000) {
            throw ApiException.badRequest("field 'count' must be between 1 and 1000");
        }
        Responses.outcome(res, transactions.mine(caller, currency, (int) count),
                tip -> new Mined(currency, tip.height()));
    }

    private void clock(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.ok(res, new Clock(Json.format(workspaces.now(caller))));
    }

    /**
     * Moves the clock, then does at once what the new time makes due in the workspace (requests
     * expire and release their funds, block timers produce their blocks), so a script sees it on its
     * next call rather than after the background job's next round.
     */
    private void advanceClock(ServerRequest req, ServerResponse res, Caller caller) {
        JsonFields body = bodies.object(req).allowOnly("advance_seconds");
        Responses.outcome(res, workspaces.advanceClock(caller, body.longValue("advance_seconds")), now -> {
            catchUp(caller, now);
            return new Clock(Json.format(now));
        });
    }

    private void catchUp(Caller caller, Instant now) {
        requests.expireDue(caller.workspaceId(), now);
        transactions.produceDueBlocks(caller.workspaceId());
        clockListeners.forEach(listener -> listener.accept(caller.workspaceId()));
    }

    private void networkSettings(ServerRequest req, ServerResponse res, Caller caller) {
        String currency = PathParams.string(req, "currency");
        JsonFields body = bodies.object(req).allowOnly("failure_rate", "block_interval_seconds");
        Optional<java.math.BigDecimal> rate = body.optionalDecimal("failure_rate");
        Optional<Long> interval = body.optionalLong("block_interval_seconds");
        Responses.outcome(res, transactions.configure(caller, currency, rate, interval, body.has("block_interval_seconds")),
                settings -> new NetworkSettings(currency, settings.failureRate().doubleValue(),
                        settings.blockIntervalSeconds().orElse(null)));
    }

    /**
     * Turns the server's rate limits on (or off again) in this sandbox workspace, so an integration
     * can meet its 420s; each call replaces the last, and a limit it does not name is the server's.
     */
    private void rateLimits(ServerRequest req, ServerResponse res, Caller caller) {
        JsonFields body = bodies.object(req).allowOnly("enabled", "transaction_requests_per_hour",
                "other_posts_per_hour", "pending_requests");
        boolean enabled = body.optionalBoolean("enabled")
                .orElseThrow(() -> ApiException.badRequest("field 'enabled' is required: true or false"));
        WorkspaceLimits chosen = new WorkspaceLimits(enabled, limit(body, "transaction_requests_per_hour"),
                limit(body, "other_posts_per_hour"), limit(body, "pending_requests"));
        Responses.outcome(res, limits.configure(caller, chosen), RateLimits::of);
    }

    private static Optional<Integer> limit(JsonFields body, String name) {
        return body.optionalLong(name).map(value -> {
            if (value < 1 || value > RateLimitPolicy.MAX_LIMIT) {
                throw ApiException.badRequest("field '" + name + "' must be between 1 and " + RateLimitPolicy.MAX_LIMIT);
            }
            return value.intValue();
        });
    }

    /** The signed transaction as broadcast to the simulated network, for standard tools to decode. */
    private void rawTransaction(ServerRequest req, ServerResponse res, Caller caller) {
        long id = PathParams.id(req, "transaction_id");
        Responses.outcome(res, transactions.raw(caller, id), raw -> new RawTransaction(id, raw));
    }

    private Handler guardedBootstrap(Handler handler) {
        return (req, res) -> {
            checkToken(req);
            handler.handle(req, res);
        };
    }

    /** A sandbox read: sandbox workspaces only. */
    private CallerHandler guardedRead(CallerHandler handler) {
        return (req, res, caller) -> {
            checkToken(req);
            checkSandboxWorkspace(caller);
            handler.handle(req, res, caller);
        };
    }

    /** A sandbox change: sandbox workspaces only, admins only. */
    public CallerHandler guardedWrite(CallerHandler handler) {
        return (req, res, caller) -> {
            checkToken(req);
            checkSandboxWorkspace(caller);
            if (caller.role() != Role.ADMIN) {
                throw ApiException.forbidden("sandbox calls that change a workspace are for its admins; user "
                        + caller.userId() + " is " + caller.role());
            }
            handler.handle(req, res, caller);
        };
    }

    private static void checkSandboxWorkspace(Caller caller) {
        if (caller.kind() != WorkspaceKind.SANDBOX) {
            throw ApiException.forbidden("workspace " + caller.workspaceName() + " is a live workspace: the sandbox"
                    + " is not available in it; it changes through governed requests (POST /requests)");
        }
    }

    private void checkToken(ServerRequest req) {
        if (requiredToken.isEmpty()) {
            return;
        }
        byte[] presented = req.headers().first(SANDBOX_TOKEN).orElse("").getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(presented, requiredToken.get())) {
            throw new ApiException(ErrorBody.unauthorized("the X-Coffer-Sandbox-Token header is missing or wrong"));
        }
    }
}
