package io.coffer.request;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Problem;
import io.coffer.common.Role;
import io.coffer.common.Tx;
import io.coffer.common.UnitOfWork;
import io.coffer.common.WorkspaceClock;
import io.coffer.event.Event;
import io.coffer.event.EventType;
import io.coffer.event.Outbox;
import io.coffer.governance.ApprovalStep;
import io.coffer.governance.Approvals;
import io.coffer.governance.RequestStatus;
import io.coffer.governance.Vote;
import io.coffer.governance.VoteKind;
import io.coffer.transaction.Transaction;
import io.coffer.transaction.Transactions;
import io.coffer.user.ApiUser;
import io.coffer.user.ApiUsers;
import io.coffer.user.IdentityCache;
import io.coffer.user.UserStatus;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import io.coffer.limits.PendingLimit;

/**
 * The request pipeline: every request type goes through the same steps (prepare, store, challenges,
 * signed votes, check and apply on the last approval, abort on rejection or expiry), and its
 * {@link RequestHandler} does what is particular to it. Every vote runs in one transaction with the
 * request row locked, so concurrent votes on a request are counted one at a time and its effect
 * happens once. Reads never write: a request past its expiry is shown EXPIRED at once, and the
 * background job records the expiry and releases what it held.
 */
public final class RequestService {

    /** Requests expire after this long on the workspace clock. */
    public static final Duration LIFETIME = Duration.ofDays(7);
    /**
     * The largest request data (UTF-8 bytes of its JSON) Coffer keeps: its challenge, base64url of
     * the data plus about 150 bytes, must fit the challenge column's 1,000,000 characters.
     */
    public static final int MAX_INTENT_BYTES = 500_000;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** A challenge handed to an approver. */
    public record IssuedChallenge(long requestId, String challenge) {
    }

    /** A request with its votes, for the governance-status route. */
    public record Governance(Request request, Approvals approvals) {
    }

    /** The history of an object: each request that acted on it with the statuses it went through. */
    public record History(List<List<Requests.Event>> events, Map<Long, Request> requests) {
    }

    private final UnitOfWork unitOfWork;
    private final Requests requests;
    private final RequestHandlers handlers;
    private final ApiUsers users;
    private final Transactions transactions;
    private final SecureRandom random;
    private final InstantSource clock;
    private final IdentityCache identities;
    private final PendingLimit pendingLimit;
    private final Outbox outbox;

    /**
     * @param pendingLimit how many open requests a workspace may hold (checked when one is created)
     */
    public RequestService(UnitOfWork unitOfWork, Requests requests, RequestHandlers handlers, ApiUsers users,
                          Transactions transactions, SecureRandom random, InstantSource clock, IdentityCache identities,
                          PendingLimit pendingLimit, Outbox outbox) {
        this.pendingLimit = pendingLimit;
        this.outbox = outbox;
        this.unitOfWork = unitOfWork;
        this.requests = requests;
        this.handlers = handlers;
        this.users = users;
        this.transactions = transactions;
        this.random = random;
        this.clock = clock;
        this.identities = identities;
    }

    /**
     * {@code POST /requests}: prepares the change with its type's handler and stores the request,
     * waiting for its creator's approval.
     *
     * @param intentJson the request's data as approvers will see it in their challenges
     */
    public Outcome<Request> create(Caller caller, RequestChange change, String intentJson) {
        Optional<RequestHandler<?>> handler = handlers.of(change.type());
        if (handler.isEmpty()) {
            return Outcome.invalid("requests of type " + change.type() + " are not supported by this server");
        }
        if (intentJson.getBytes(StandardCharsets.UTF_8).length > MAX_INTENT_BYTES) {
            return Outcome.invalid("field 'data' is too large: at most " + MAX_INTENT_BYTES + " bytes of JSON");
        }
        Instant now = caller.clock(clock).now();
        return unitOfWork.write(tx -> create(tx, caller, handler.get(), change, intentJson, now));
    }

    private <C extends RequestChange> Outcome<Request> create(Tx tx, Caller caller, RequestHandler<C> handler,
                                                              RequestChange requested, String intentJson, Instant now) {
        C change = handler.changeType().cast(requested);
        OptionalInt cap = pendingLimit.pendingRequests(tx, caller.workspaceId(), caller.kind());
        if (cap.isPresent()) {
            // Locked first, before the handler's own locks (account, workspace), and counted under it.
            long open = requests.lockAndCountOpen(tx, caller.workspaceId(), now);
            if (open >= cap.getAsInt()) {
                return Outcome.failed(Problem.limited("rate limit reached: workspace " + caller.workspaceName()
                        + " already has " + open + " pending requests, the most it may hold (" + cap.getAsInt()
                        + "); approve, reject or let some expire first"));
            }
        }
        return handler.prepare(tx, caller, change, now).flatMap(draft -> {
            if (!ApprovalStep.satisfiable(draft.steps(), caller.userId())) {
                return Outcome.invalid("the approval steps cannot all be completed: each user approves once, for one"
                        + " step, and some step would lack distinct approvers");
            }
            if (!draft.createsTarget()) {
                Optional<Long> open = requests.openFor(tx, caller.workspaceId(), draft.targetType(), draft.targetId(), now);
                if (open.isPresent()) {
                    return Outcome.invalid(draft.targetType().name().toLowerCase(Locale.ROOT) + " " + draft.targetId()
                            + " already has an open request, " + open.get() + "; it must be decided first");
                }
            }
            long id = requests.create(tx, new Request(0, caller.workspaceId(), change.type(),
                    RequestStatus.PENDING_FIRST_APPROVAL, draft.targetType(), draft.targetId(), draft.accountId(),
                    caller.userId(), now, now.plus(LIFETIME), 0, draft.steps(), intentJson));
            requests.addEvent(tx, id, RequestStatus.PENDING_FIRST_APPROVAL, now);
            handler.requested(tx, change, draft, id);
            outbox.record(tx, Event.of(caller.workspaceId(), EventType.REQUEST_HAS_BEEN_CREATED, id, draft.accountId(), now));
            return Outcome.ok(requests.find(tx, caller.workspaceId(), id).orElseThrow());
        });
    }

    /**
     * The sandbox's shortcut: a creation (group, entity, whitelist) checked exactly as its request
     * would be and applied at once, without approvals; admins only.
     */
    public Outcome<Long> createDirectly(Caller caller, AdminChange change) {
        if (caller.role() != Role.ADMIN) {
            return Outcome.failed(Problem.forbidden("only an ADMIN API user can create " + change.targetType()
                    .name().toLowerCase(Locale.ROOT) + "s through the sandbox"));
        }
        if (!change.creates() || !(handlers.of(change.type()).orElseThrow() instanceof AdminHandler<?> admin)) {
            throw new IllegalArgumentException("only administrative creations are applied directly: " + change.type());
        }
        Instant now = caller.clock(clock).now();
        return unitOfWork.write(tx -> applyAtOnce(tx, caller, admin, change, now).map(id -> {
            AppliedEvents.of(change.type()).ifPresent(type -> outbox.record(tx,
                    Event.of(caller.workspaceId(), type, id, Optional.empty(), now)));
            return id;
        }));
    }

    private static <C extends AdminChange> Outcome<Long> applyAtOnce(Tx tx, Caller caller, AdminHandler<C> handler,
                                                                   AdminChange requested, Instant now) {
        return handler.applyAtOnce(tx, caller, handler.changeType().cast(requested), now);
    }

    /**
     * Issues a challenge (approve or reject) to the caller, replacing any earlier one: the one GET of
     * the API that writes, because the challenge must be kept to be checked when the vote comes.
     */
    public Outcome<IssuedChallenge> challenge(Caller caller, long requestId, VoteKind kind) {
        Instant now = caller.clock(clock).now();
        return unitOfWork.write(tx -> requests.findVisible(tx, caller, requestId).map(found -> {
            Request request = withCurrentSteps(tx, found.effectiveAt(now));
            if (!request.status().open()) {
                return Outcome.<IssuedChallenge>invalid("request " + requestId + " is " + request.status()
                        + " and takes no more votes");
            }
            if (!approvalsNow(tx, request).mayVote(caller.userId())) {
                return Outcome.<IssuedChallenge>invalid("user " + caller.userId() + " cannot vote on request " + requestId);
            }
            byte[] antireplay = new byte[32];
            random.nextBytes(antireplay);
            String type = (kind == VoteKind.APPROVE ? "APPROVE_" : "REJECT_") + request.targetType().name();
            String payload = "{\"antireplay\":\"" + HexFormat.of().formatHex(antireplay) + "\",\"data\":" + request.intent()
                    + ",\"type\":\"" + type + "\"}";
            String encoded = BASE64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
            requests.saveChallenge(tx, requestId, caller.userId(), kind, encoded, now);
            return Outcome.ok(new IssuedChallenge(requestId, encoded));
        }).orElseGet(() -> Outcome.notFound("request " + requestId + " not found")));
    }

    /** An approval signed over the caller's approve challenge. */
    public Outcome<Request> approve(Caller caller, long requestId, String jws) {
        Outcome<Request> voted = vote(caller, requestId, VoteKind.APPROVE, Optional.of(jws));
        if (voted instanceof Outcome.Ok<Request> ok && ok.value().status() != RequestStatus.PENDING_APPROVAL
                && ok.value().targetType() == TargetType.USER) {
            // A user's status or key changed: this instance forgets cached identities at once (others within their TTL).
            identities.evictWorkspace(caller.workspaceId());
        }
        return voted;
    }

    /** A rejection; when a JWS is sent it must sign the caller's reject challenge. */
    public Outcome<Request> reject(Caller caller, long requestId, Optional<String> jws) {
        return vote(caller, requestId, VoteKind.ABORT, jws);
    }

    /** {@code POST /transactions/{id}/reject}: rejects the request governing a pending transaction. */
    public Outcome<Long> rejectTransaction(Caller caller, long transactionId) {
        Optional<Transaction> transaction = unitOfWork.read(tx -> transactions.findVisible(tx, caller, transactionId));
        if (transaction.isEmpty()) {
            return Outcome.notFound("transaction " + transactionId + " not found");
        }
        // A staking transaction has no send parts: its request is found by target.
        Optional<Long> requestId = transaction.get().send().map(Transaction.Send::requestId).filter(id -> id > 0)
                .or(() -> unitOfWork.read(tx -> requests.forTarget(tx, caller.workspaceId(), TargetType.TRANSACTION,
                        transactionId)).stream().map(Request::id).max(Long::compare));
        if (requestId.isEmpty()) {
            return Outcome.invalid("transaction " + transactionId + " is not governed by a request");
        }
        return reject(caller, requestId.get(), Optional.empty()).map(request -> transactionId);
    }

    public Outcome<Request> get(Caller caller, long requestId) {
        Instant now = caller.clock(clock).now();
        return unitOfWork.read(tx -> requests.findVisible(tx, caller, requestId)
                .map(request -> Outcome.ok(request.effectiveAt(now)))
                .orElseGet(() -> Outcome.notFound("request " + requestId + " not found")));
    }

    public Outcome<Governance> governance(Caller caller, long requestId) {
        Instant now = caller.clock(clock).now();
        return unitOfWork.read(tx -> requests.findVisible(tx, caller, requestId)
                .map(request -> withCurrentSteps(tx, request.effectiveAt(now)))
                .map(request -> Outcome.ok(new Governance(request, approvalsNow(tx, request))))
                .orElseGet(() -> Outcome.notFound("request " + requestId + " not found")));
    }

    public Page<Request> search(Caller caller, RequestFilter filter, PageRequest page) {
        Instant now = caller.clock(clock).now();
        return unitOfWork.read(tx -> requests.search(tx, caller, filter, page, now)).map(request -> request.effectiveAt(now));
    }

    /**
     * The history of an object: the requests that acted on it and that the caller may see (an
     * operator does not see the administrative requests on a group it sees), each with the statuses
     * it went through, oldest first; a request past its expiry ends with EXPIRED.
     */
    public History history(Caller caller, TargetType type, long targetId) {
        Instant now = caller.clock(clock).now();
        return unitOfWork.read(tx -> {
            Map<Long, Request> acting = new LinkedHashMap<>();
            requests.forTarget(tx, caller.workspaceId(), type, targetId).stream()
                    .filter(request -> caller.seesEverything() || requests.findVisible(tx, caller, request.id()).isPresent())
                    .forEach(request -> acting.put(request.id(), request));
            Map<Long, List<Requests.Event>> events = requests.events(tx, acting.keySet());
            List<List<Requests.Event>> history = acting.values().stream().map(request -> {
                List<Requests.Event> mine = events.getOrDefault(request.id(), List.of());
                if (request.effectiveAt(now).status() != request.status()) {
                    mine = new java.util.ArrayList<>(mine);
                    mine.add(new Requests.Event(request.id(), RequestStatus.EXPIRED, request.expiresAt()));
                }
                return mine;
            }).toList();
            return new History(history, acting);
        });
    }

    /** Expires a workspace's open requests whose time has come (each in its own transaction). */
    public int expireDue(long workspaceId, Instant now) {
        List<Long> due = unitOfWork.read(tx -> requests.due(tx, workspaceId, now, 1000));
        due.forEach(id -> expireNow(workspaceId, id, now));
        return due.size();
    }

    /** Expires due requests in every workspace; run periodically by a background thread. */
    public int expireAllDue() {
        Map<Long, Long> workspaces = unitOfWork.read(requests::workspacesWithOpenRequests);
        int expired = 0;
        for (Map.Entry<Long, Long> workspace : workspaces.entrySet()) {
            Instant now = new WorkspaceClock(clock, Duration.ofMillis(workspace.getValue())).now();
            expired += expireDue(workspace.getKey(), now);
        }
        return expired;
    }

    /**
     * Expires the request if its time is over. Whether it is over is read first, concurrently: a
     * vote on a live request (nearly every vote) then costs no write transaction of its own.
     */
    private void expireIfDue(long workspaceId, long requestId, Instant now) {
        boolean over = unitOfWork.read(tx -> requests.find(tx, workspaceId, requestId)
                .filter(request -> request.effectiveAt(now).status() == RequestStatus.EXPIRED).isPresent());
        if (over) {
            expireNow(workspaceId, requestId, now);
        }
    }

    private void expireNow(long workspaceId, long requestId, Instant now) {
        unitOfWork.write(tx -> {
            requests.lock(tx, workspaceId, requestId).ifPresent(request -> {
                Optional<Approvals> expired = request.approvals(requests.votes(tx, request.id())).expire(now);
                if (expired.isPresent()) {
                    Request closed = request.with(RequestStatus.EXPIRED, request.currentStep());
                    requests.update(tx, closed);
                    requests.addEvent(tx, request.id(), RequestStatus.EXPIRED, now);
                    handlers.of(request.type()).orElseThrow().abort(tx, closed, now);
                    outbox.record(tx, requestEvent(closed, EventType.REQUEST_HAS_EXPIRED, now));
                }
            });
            return Outcome.ok(null);
        });
    }

    private Outcome<Request> vote(Caller caller, long requestId, VoteKind kind, Optional<String> jws) {
        Instant now = caller.clock(clock).now();
        // A vote is a write: a request it finds past its expiry is expired for good first, then refused.
        expireIfDue(caller.workspaceId(), requestId, now);
        Optional<VerifiedSignature> verified = jws.flatMap(signed -> verifyBeforehand(caller, requestId, kind, signed));
        return unitOfWork.write(tx -> {
            Optional<Request> locked = requests.findVisible(tx, caller, requestId)
                    .flatMap(visible -> requests.lock(tx, caller.workspaceId(), requestId));
            if (locked.isEmpty()) {
                return Outcome.notFound("request " + requestId + " not found");
            }
            Request request = withCurrentSteps(tx, locked.get());
            if (!request.steps().equals(locked.get().steps())) {
                requests.replaceSteps(tx, request);
            }
            Optional<ApiUser> voter = users.find(tx, caller.workspaceId(), caller.userId())
                    .filter(user -> user.status() == UserStatus.ACTIVE);
            if (voter.isEmpty()) {
                return Outcome.invalid("user " + caller.userId() + " is no longer active and cannot vote");
            }
            Approvals approvals = approvalsNow(tx, request);
            Approvals.Result result = kind == VoteKind.APPROVE ? approvals.approve(caller.userId(), now)
                    : approvals.reject(caller.userId(), now);
            return switch (result) {
                case Approvals.Result.Refused refused -> Outcome.invalid(refused.reason());
                case Approvals.Result.Counted counted -> checkSignature(tx, voter.get(), request, kind, jws, verified)
                        .<Outcome<Request>>map(Outcome::failed)
                        .orElseGet(() -> count(tx, request, counted.next(), now));
            };
        });
    }

    /** Open requests at most looked at when approvers change: beyond, each is brought up to date at its next vote. */
    private static final int MAX_REFRESHED = 1000;

    /**
     * After a change (an admin added or revoked, the quorum moved), the open requests whose approvers
     * follow the workspace store them anew, so searches by {@code pending_by} see who may vote now.
     */
    private void refreshApprovers(Tx tx, long workspaceId) {
        for (Request open : requests.open(tx, workspaceId, MAX_REFRESHED)) {
            Request current = withCurrentSteps(tx, open);
            if (!current.steps().equals(open.steps())) {
                requests.replaceSteps(tx, current);
            }
        }
    }

    /** The request with the approvers in force now (for administrative requests, the current admins and quorum). */
    private Request withCurrentSteps(Tx tx, Request request) {
        return request.withSteps(handlers.of(request.type()).orElseThrow().currentSteps(tx, request));
    }

    /**
     * The request's votes, counting only approvals of users still in the step they counted for and
     * still active: a revoked or suspended user's earlier approval moves no money.
     */
    private Approvals approvalsNow(Tx tx, Request request) {
        List<Vote> votes = requests.votes(tx, request.id());
        java.util.Set<Long> departed = new java.util.HashSet<>();
        for (Vote vote : votes) {
            if (users.find(tx, request.workspaceId(), vote.userId()).filter(ApiUser::canAct).isEmpty()) {
                departed.add(vote.userId());
            }
        }
        return request.approvals(votes).under(request.steps(), departed);
    }

    /** Records a counted vote and what it completes: the change applied, or the request closed. */
    private Outcome<Request> count(Tx tx, Request request, Approvals next, Instant now) {
        Vote cast = next.votes().getLast();
        requests.addVote(tx, request.id(), cast);
        Request updated = request.with(next.status(), next.currentStep());
        requests.update(tx, updated);
        if (next.status() != request.status()) {
            requests.addEvent(tx, request.id(), next.status(), now);
        }
        recordVoteEvents(tx, request, updated, cast, now);
        RequestHandler<?> handler = handlers.of(request.type()).orElseThrow();
        return switch (next.status()) {
            case APPROVED -> handler.check(tx, updated, now).flatMap(ok -> handler.apply(tx, updated, now)).map(done -> {
                for (RequestStatus passed : RequestStatus.between(updated.status(), done.status())) {
                    requests.addEvent(tx, done.id(), passed, now);
                }
                requests.update(tx, done);
                handlers.appliedEvent(tx, done, now).ifPresent(event -> outbox.record(tx, event));
                if (done.targetType() == TargetType.USER || done.targetType() == TargetType.ADMIN_GROUP) {
                    refreshApprovers(tx, done.workspaceId());
                }
                return done;
            });
            case REJECTED -> {
                handler.abort(tx, updated, now);
                yield Outcome.ok(updated);
            }
            default -> Outcome.ok(updated);
        };
    }

    /**
     * The notifications a counted vote produces: an approval received; then a step reached (the
     * creator's approval opens the first step), the quorum reached, or the request aborted.
     */
    private void recordVoteEvents(Tx tx, Request before, Request after, Vote cast, Instant now) {
        if (cast.kind() == VoteKind.APPROVE) {
            outbox.record(tx, requestEvent(after, EventType.REQUEST_HAS_RECEIVED_AN_APPROVAL, now));
        }
        switch (after.status()) {
            case PENDING_APPROVAL -> {
                if (before.status() != RequestStatus.PENDING_APPROVAL || before.currentStep() != after.currentStep()) {
                    outbox.record(tx, requestEvent(after, EventType.REQUEST_HAS_REACHED_STEP, now));
                }
            }
            case APPROVED -> outbox.record(tx, requestEvent(after, EventType.REQUEST_HAS_REACHED_QUORUM, now));
            case REJECTED -> outbox.record(tx, requestEvent(after, EventType.REQUEST_HAS_BEEN_ABORTED, now));
            default -> {
            }
        }
    }

    private static Event requestEvent(Request request, EventType type, Instant now) {
        return Event.of(request.workspaceId(), type, request.id(), request.accountId(), now);
    }

    /**
     * A signature that verified, before the vote's write transaction, over this challenge with this
     * key. The write checks that the challenge and key it reads are still these and then does not
     * verify again: on the embedded database writes run one at a time, and the verification was a
     * fifth of the writer's time under a load of approvals.
     */
    private record VerifiedSignature(long challengeId, String payload, String key) {
    }

    /** Verifies the signature against what the database holds now, outside any write; empty when it does not verify. */
    private Optional<VerifiedSignature> verifyBeforehand(Caller caller, long requestId, VoteKind kind, String jws) {
        record Inputs(Requests.Challenge challenge, String key) {
        }
        Optional<Inputs> inputs = unitOfWork.read(tx -> requests.findVisible(tx, caller, requestId).flatMap(request ->
                users.find(tx, caller.workspaceId(), caller.userId()).flatMap(voter ->
                        requests.challenge(tx, requestId, voter.id(), kind).filter(challenge -> !challenge.used())
                                .flatMap(challenge -> voter.publicKey().or(() -> keyBeingRegistered(tx, voter, request))
                                        .map(key -> new Inputs(challenge, key))))));
        return inputs.filter(found -> io.coffer.user.SignedChallenge.problem(jws,
                        Base64.getUrlDecoder().decode(found.challenge().payload()), found.key()).isEmpty())
                .map(found -> new VerifiedSignature(found.challenge().id(), found.challenge().payload(), found.key()));
    }

    private Optional<Problem> checkSignature(Tx tx, ApiUser voter, Request request, VoteKind kind, Optional<String> jws,
                                             Optional<VerifiedSignature> verified) {
        if (jws.isEmpty()) {
            return kind == VoteKind.APPROVE ? Optional.of(Problem.invalid("an approval needs a jws")) : Optional.empty();
        }
        Optional<Requests.Challenge> challenge = requests.challenge(tx, request.id(), voter.id(), kind);
        if (challenge.isEmpty()) {
            return Optional.of(Problem.invalid("no challenge was issued to user " + voter.id() + ": GET /requests/"
                    + request.id() + (kind == VoteKind.APPROVE ? "/challenge" : "/challenge/reject") + " first"));
        }
        if (challenge.get().used()) {
            return Optional.of(Problem.invalid("this challenge was already used; get a new one"));
        }
        Optional<String> key = voter.publicKey().or(() -> keyBeingRegistered(tx, voter, request));
        if (key.isEmpty()) {
            return Optional.of(Problem.invalid("user " + voter.id() + " has no registered public key"));
        }
        boolean verifiedBefore = verified.filter(earlier -> earlier.challengeId() == challenge.get().id()
                && earlier.payload().equals(challenge.get().payload()) && earlier.key().equals(key.get())).isPresent();
        byte[] expected = Base64.getUrlDecoder().decode(challenge.get().payload());
        Optional<String> problem = verifiedBefore ? Optional.empty()
                : io.coffer.user.SignedChallenge.problem(jws.get(), expected, key.get());
        if (problem.isPresent()) {
            return problem.map(Problem::invalid);
        }
        requests.useChallenge(tx, challenge.get().id());
        return Optional.empty();
    }

    /**
     * A user without an approval key signs the request that registers its first key with that key
     * (proving it holds it); any other approver of that request still signs with their own.
     */
    private Optional<String> keyBeingRegistered(Tx tx, ApiUser voter, Request request) {
        return requests.change(tx, request.id(), request.type())
                .filter(AdminChange.ReplaceApprovalKey.class::isInstance)
                .map(AdminChange.ReplaceApprovalKey.class::cast)
                .filter(change -> change.userId() == voter.id())
                .flatMap(change -> io.coffer.user.ApprovalKeys.normalize(change.publicKey()));
    }
}
