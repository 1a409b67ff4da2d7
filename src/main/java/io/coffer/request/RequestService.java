package io.coffer.request;

import io.coffer.account.Account;
import io.coffer.account.Accounts;
import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.ObjectStatus;
import io.coffer.common.Problem;
import io.coffer.common.Role;
import io.coffer.common.Tx;
import io.coffer.common.UnitOfWork;
import io.coffer.common.WorkspaceClock;
import io.coffer.governance.ApprovalStep;
import io.coffer.governance.Approvals;
import io.coffer.governance.RequestStatus;
import io.coffer.governance.RuleSelection;
import io.coffer.governance.Rule;
import io.coffer.governance.RuleSet;
import io.coffer.governance.Vote;
import io.coffer.governance.VoteKind;
import io.coffer.transaction.SendIntent;
import io.coffer.transaction.SendService;
import io.coffer.transaction.Transaction;
import io.coffer.transaction.TransactionStatus;
import io.coffer.transaction.Transactions;
import io.coffer.user.ApiUser;
import io.coffer.user.ApiUsers;
import io.coffer.user.IdentityCache;
import io.coffer.user.UserStatus;
import io.coffer.group.Group;
import io.coffer.group.GroupService;
import io.coffer.group.Groups;
import io.coffer.whitelist.WhitelistService;
import io.coffer.whitelist.Whitelists;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Governed requests: creation, challenges, signed approvals and rejections, expiry, and what happens
 * when a request completes. Every vote runs in one transaction with the request row locked, so
 * concurrent votes on a request are counted one at a time and the money moves once.
 */
public final class RequestService {

    /** Requests expire after this long on the workspace clock. */
    public static final Duration LIFETIME = Duration.ofDays(7);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** A challenge handed to an approver. */
    public record IssuedChallenge(long requestId, String challenge) {
    }

    /** A request with its votes, for the governance-status route. */
    public record Governance(Request request, Approvals approvals) {
    }

    private final UnitOfWork unitOfWork;
    private final Requests requests;
    private final Accounts accounts;
    private final ApiUsers users;
    private final SendService sends;
    private final Transactions transactions;
    private final SecureRandom random;
    private final InstantSource clock;

    private final AdminRequests admin;
    private final IdentityCache identities;
    private final Groups groups;
    private final Whitelists whitelists;
    private final WhitelistService whitelistService;

    public RequestService(UnitOfWork unitOfWork, Requests requests, Accounts accounts, ApiUsers users, SendService sends,
                          Transactions transactions, SecureRandom random, InstantSource clock, AdminRequests admin,
                          Groups groups, Whitelists whitelists, WhitelistService whitelistService,
                          IdentityCache identities) {
        this.identities = identities;
        this.admin = admin;
        this.groups = groups;
        this.whitelists = whitelists;
        this.whitelistService = whitelistService;
        this.unitOfWork = unitOfWork;
        this.requests = requests;
        this.accounts = accounts;
        this.users = users;
        this.sends = sends;
        this.transactions = transactions;
        this.random = random;
        this.clock = clock;
    }

    /**
     * {@code POST /requests} with an administrative type: an admin asks, the workspace's admins approve
     * (their quorum, the creator first), and only then does the change happen.
     */
    public Outcome<Request> createAdmin(Caller caller, AdminChange change, String intentJson) {
        if (caller.role() != Role.ADMIN) {
            return Outcome.invalid(change.type() + " requests are made by admins; user " + caller.userId() + " is "
                    + caller.role());
        }
        Instant now = caller.clock(clock).now();
        return unitOfWork.write(tx -> admin.prepare(tx, caller, change, now).flatMap(targetId -> {
            if (!change.creates()) {
                Optional<Long> open = requests.openFor(tx, caller.workspaceId(), change.targetType(), targetId);
                if (open.isPresent()) {
                    return Outcome.invalid(change.targetType().name().toLowerCase(java.util.Locale.ROOT) + " " + targetId
                            + " already has an open request, " + open.get() + "; it must be decided first");
                }
            }
            List<ApprovalStep> steps = admin.steps(tx, caller.workspaceId());
            Optional<Long> accountId = change.targetType() == TargetType.ACCOUNT ? Optional.of(targetId) : Optional.empty();
            Request draft = new Request(0, caller.workspaceId(), change.type(), RequestStatus.PENDING_FIRST_APPROVAL,
                    change.targetType(), targetId, accountId, caller.userId(), now, now.plus(LIFETIME), 0, steps, intentJson);
            long id = requests.create(tx, draft);
            requests.saveChange(tx, id, change);
            requests.addEvent(tx, id, RequestStatus.PENDING_FIRST_APPROVAL, now);
            admin.markRequested(tx, change, targetId, id);
            return Outcome.ok(requests.find(tx, caller.workspaceId(), id).orElseThrow());
        }));
    }

    /**
     * The sandbox's shortcut: a creation (group, entity, whitelist) checked exactly as a request
     * would be and applied at once, without approvals; admins only.
     */
    public Outcome<Long> createDirectly(Caller caller, AdminChange change) {
        if (caller.role() != Role.ADMIN) {
            return Outcome.failed(Problem.forbidden("only an ADMIN API user can create " + change.targetType()
                    .name().toLowerCase(java.util.Locale.ROOT) + "s through the sandbox"));
        }
        if (!change.creates()) {
            throw new IllegalArgumentException("only creations are applied directly: " + change.type());
        }
        Instant now = caller.clock(clock).now();
        return unitOfWork.write(tx -> admin.prepare(tx, caller, change, now)
                .flatMap(id -> admin.apply(tx, caller.workspaceId(), change, id).map(applied -> id)));
    }

    /** {@code POST /requests} with {@code CREATE_TRANSACTION}: reserves the funds and waits for approvals. */
    public Outcome<Request> createTransaction(Caller caller, SendIntent intent) {
        Instant now = caller.clock(clock).now();
        return unitOfWork.write(tx -> {
            Optional<Account> account = sends.account(tx, caller, intent);
            if (account.isEmpty()) {
                return Outcome.invalid("account " + intent.accountId() + " not found");
            }
            accounts.lock(tx, caller.workspaceId(), account.get().id());
            List<RuleSet> ruleSets = accounts.rules(tx, List.of(account.get().id())).getOrDefault(account.get().id(), List.of());
            Optional<RuleSet> ruleSet = RuleSelection.forAmount(ruleSets, intent.amount().value());
            if (ruleSet.isEmpty()) {
                return Outcome.invalid("no governance rule set of account " + account.get().id() + " covers amount "
                        + intent.amount());
            }
            Outcome<List<ApprovalStep>> eligible = eligibleSteps(tx, caller.workspaceId(), ruleSet.get());
            if (eligible instanceof Outcome.Failed<List<ApprovalStep>> failed) {
                return Outcome.failed(failed.problem());
            }
            List<ApprovalStep> steps = eligible.orElseThrow();
            if (steps.stream().noneMatch(step -> step.users().contains(caller.userId()))) {
                return Outcome.invalid("user " + caller.userId() + " is not an approver in the rules of account "
                        + account.get().id() + " and cannot request its transactions");
            }
            Optional<List<Long>> allowed = RuleSelection.whitelists(ruleSet.get());
            if (allowed.isPresent()) {
                String network = account.get().currency();
                boolean anyCase = whitelistService.caseInsensitive(network);
                boolean listed = whitelists.findAll(tx, caller.workspaceId(), allowed.get()).stream()
                        .filter(list -> list.status() == ObjectStatus.ACTIVE)
                        .anyMatch(list -> list.allows(network, intent.recipient(), anyCase));
                if (!listed) {
                    return Outcome.invalid("recipient " + intent.recipient() + " is not in the whitelists "
                            + allowed.get() + " that the rules of account " + account.get().id() + " allow");
                }
            }
            return sends.create(tx, caller, intent, now).map(transaction -> {
                Request draft = new Request(0, caller.workspaceId(), RequestType.CREATE_TRANSACTION,
                        RequestStatus.PENDING_FIRST_APPROVAL, TargetType.TRANSACTION, transaction.id(),
                        Optional.of(account.get().id()), caller.userId(), now, now.plus(LIFETIME), 0, steps,
                        intent.intentJson());
                long id = requests.create(tx, draft);
                requests.addEvent(tx, id, RequestStatus.PENDING_FIRST_APPROVAL, now);
                transactions.setRequest(tx, transaction.id(), id);
                return requests.find(tx, caller.workspaceId(), id).orElseThrow();
            });
        });
    }

    /** Issues a challenge (approve or reject) to the caller, replacing any earlier one. */
    public Outcome<IssuedChallenge> challenge(Caller caller, long requestId, VoteKind kind) {
        Instant now = caller.clock(clock).now();
        expireIfDue(caller, requestId);
        return unitOfWork.write(tx -> requests.findVisible(tx, caller, requestId).map(request -> {
            Approvals approvals = request.approvals(requests.votes(tx, requestId));
            if (!request.status().open()) {
                return Outcome.<IssuedChallenge>invalid("request " + requestId + " is " + request.status()
                        + " and takes no more votes");
            }
            if (!approvals.mayVote(caller.userId())) {
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
        if (voted instanceof Outcome.Ok<Request> ok && ok.value().status() == RequestStatus.APPROVED
                && ok.value().targetType() == TargetType.USER) {
            // A user's status changed: this instance forgets cached identities at once (others within their TTL).
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
        Optional<Long> requestId = transaction.get().send().map(Transaction.Send::requestId).filter(id -> id > 0);
        if (requestId.isEmpty()) {
            return Outcome.invalid("transaction " + transactionId + " is not governed by a request");
        }
        return reject(caller, requestId.get(), Optional.empty()).map(request -> transactionId);
    }

    public Outcome<Request> get(Caller caller, long requestId) {
        expireIfDue(caller, requestId);
        return unitOfWork.read(tx -> requests.findVisible(tx, caller, requestId).map(Outcome::ok)
                .orElseGet(() -> Outcome.notFound("request " + requestId + " not found")));
    }

    public Outcome<Governance> governance(Caller caller, long requestId) {
        expireIfDue(caller, requestId);
        return unitOfWork.read(tx -> requests.findVisible(tx, caller, requestId)
                .map(request -> Outcome.ok(new Governance(request, request.approvals(requests.votes(tx, requestId)))))
                .orElseGet(() -> Outcome.notFound("request " + requestId + " not found")));
    }

    public Page<Request> search(Caller caller, RequestFilter filter, PageRequest page) {
        expireDue(caller.workspaceId(), caller.clock(clock).now());
        return unitOfWork.read(tx -> requests.search(tx, caller, filter, page));
    }

    /**
     * The history of an object: the requests that acted on it and that the caller may see (an
     * operator does not see the administrative requests on a group it sees), each with the statuses
     * it went through.
     */
    public List<List<Requests.Event>> history(Tx tx, Caller caller, TargetType type, long targetId) {
        List<Request> acting = visibleActing(tx, caller, type, targetId);
        Map<Long, List<Requests.Event>> events = requests.events(tx, acting.stream().map(Request::id).toList());
        return acting.stream().map(request -> events.getOrDefault(request.id(), List.of())).toList();
    }

    /** The requests acting on an object that the caller may see, by id, for rendering history entries. */
    public Map<Long, Request> requestsOf(Tx tx, Caller caller, TargetType type, long targetId) {
        Map<Long, Request> result = new java.util.LinkedHashMap<>();
        visibleActing(tx, caller, type, targetId).forEach(request -> result.put(request.id(), request));
        return result;
    }

    private List<Request> visibleActing(Tx tx, Caller caller, TargetType type, long targetId) {
        return requests.forTarget(tx, caller.workspaceId(), type, targetId).stream()
                .filter(request -> caller.seesEverything() || requests.findVisible(tx, caller, request.id()).isPresent())
                .toList();
    }

    /** Expires a workspace's open requests whose time has come (each in its own transaction). */
    public int expireDue(long workspaceId, Instant now) {
        List<Long> due = unitOfWork.read(tx -> requests.due(tx, workspaceId, now, 1000));
        for (Long id : due) {
            unitOfWork.write(tx -> requests.lock(tx, workspaceId, id).map(request -> {
                expire(tx, request, now);
                return Outcome.ok(request);
            }).orElseGet(() -> Outcome.ok(null)));
        }
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

    private void expireIfDue(Caller caller, long requestId) {
        Instant now = caller.clock(clock).now();
        unitOfWork.write(tx -> requests.lock(tx, caller.workspaceId(), requestId).map(request -> {
            expire(tx, request, now);
            return Outcome.ok(request);
        }).orElseGet(() -> Outcome.ok(null)));
    }

    private void expire(Tx tx, Request request, Instant now) {
        Optional<Approvals> expired = request.approvals(requests.votes(tx, request.id())).expire(now);
        if (expired.isEmpty()) {
            return;
        }
        requests.update(tx, request.with(RequestStatus.EXPIRED, request.currentStep()));
        requests.addEvent(tx, request.id(), RequestStatus.EXPIRED, now);
        closeTarget(tx, request, TransactionStatus.REJECTED, now, "the request expired");
    }

    private Outcome<Request> vote(Caller caller, long requestId, VoteKind kind, Optional<String> jws) {
        expireIfDue(caller, requestId);
        Instant now = caller.clock(clock).now();
        return unitOfWork.write(tx -> {
            Optional<Request> locked = requests.findVisible(tx, caller, requestId)
                    .flatMap(visible -> requests.lock(tx, caller.workspaceId(), requestId));
            if (locked.isEmpty()) {
                return Outcome.notFound("request " + requestId + " not found");
            }
            Request request = locked.get();
            if (users.find(tx, caller.workspaceId(), caller.userId()).filter(user -> user.status() == UserStatus.ACTIVE)
                    .isEmpty()) {
                return Outcome.invalid("user " + caller.userId() + " is no longer active and cannot vote");
            }
            Approvals approvals = request.approvals(requests.votes(tx, requestId));
            Approvals.Result result = kind == VoteKind.APPROVE ? approvals.approve(caller.userId(), now)
                    : approvals.reject(caller.userId(), now);
            if (result instanceof Approvals.Result.Refused refused) {
                return Outcome.invalid(refused.reason());
            }
            Optional<Problem> signature = checkSignature(tx, caller, request, kind, jws);
            if (signature.isPresent()) {
                return Outcome.failed(signature.get());
            }
            Approvals next = ((Approvals.Result.Counted) result).next();
            Vote cast = next.votes().getLast();
            requests.addVote(tx, requestId, cast);
            Request updated = request.with(next.status(), next.currentStep());
            requests.update(tx, updated);
            if (next.status() != request.status()) {
                requests.addEvent(tx, requestId, next.status(), now);
            }
            if (next.status() == RequestStatus.APPROVED) {
                Outcome<Request> executed = execute(tx, updated, now);
                if (!executed.isOk()) {
                    return executed;
                }
                updated = executed.orElseThrow();
            } else if (next.status() == RequestStatus.REJECTED) {
                closeTarget(tx, request, TransactionStatus.REJECTED, now, "the request was rejected");
            }
            return Outcome.ok(updated);
        });
    }

    /**
     * The approval steps a rule set gives a new request: group steps resolved to the group's members
     * now, and only active users (revoked or suspended ones cannot vote).
     */
    private Outcome<List<ApprovalStep>> eligibleSteps(Tx tx, long workspaceId, RuleSet ruleSet) {
        record Raw(List<Long> users, int quorum, Optional<Long> group) {
        }
        List<Raw> raw = new java.util.ArrayList<>();
        for (Rule rule : ruleSet.rules()) {
            if (rule instanceof Rule.MultiAuthorizations multi) {
                for (Rule.Step step : multi.steps()) {
                    raw.add(switch (step) {
                        case Rule.UsersStep users -> new Raw(users.users(), users.quorum(), Optional.empty());
                        case Rule.GroupStep group -> new Raw(groups.find(tx, workspaceId, group.groupId())
                                .filter(GroupService::usable).map(Group::members).orElse(List.of()), group.quorum(),
                                Optional.of(group.groupId()));
                    });
                }
            }
        }
        if (raw.isEmpty()) {
            return Outcome.invalid("the governing rule set has no approval steps");
        }
        java.util.Set<Long> named = new java.util.TreeSet<>();
        raw.forEach(step -> named.addAll(step.users()));
        java.util.Set<Long> active = new java.util.HashSet<>();
        users.findAll(tx, workspaceId, List.copyOf(named)).stream()
                .filter(ApiUser::canAct)
                .forEach(user -> active.add(user.id()));
        List<ApprovalStep> steps = new java.util.ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            List<Long> eligible = raw.get(i).users().stream().filter(active::contains).toList();
            if (eligible.size() < raw.get(i).quorum()) {
                return Outcome.invalid("step " + i + " of the governing rules needs " + raw.get(i).quorum()
                        + " approvals but has " + eligible.size() + " active approvers");
            }
            steps.add(new ApprovalStep(eligible, raw.get(i).quorum(), raw.get(i).group()));
        }
        return Outcome.ok(steps);
    }

    private Optional<Problem> checkSignature(Tx tx, Caller caller, Request request, VoteKind kind, Optional<String> jws) {
        if (jws.isEmpty()) {
            return kind == VoteKind.APPROVE ? Optional.of(Problem.invalid("an approval needs a jws")) : Optional.empty();
        }
        Optional<Requests.Challenge> challenge = requests.challenge(tx, request.id(), caller.userId(), kind);
        if (challenge.isEmpty()) {
            return Optional.of(Problem.invalid("no challenge was issued to user " + caller.userId() + ": GET /requests/"
                    + request.id() + (kind == VoteKind.APPROVE ? "/challenge" : "/challenge/reject") + " first"));
        }
        if (challenge.get().used()) {
            return Optional.of(Problem.invalid("this challenge was already used; get a new one"));
        }
        Optional<String> key = users.find(tx, caller.workspaceId(), caller.userId()).flatMap(ApiUser::publicKey);
        if (key.isEmpty()) {
            return Optional.of(Problem.invalid("user " + caller.userId() + " has no registered public key"));
        }
        byte[] expected = Base64.getUrlDecoder().decode(challenge.get().payload());
        Optional<String> problem = SignedApproval.problem(jws.get(), expected, key.get());
        if (problem.isPresent()) {
            return problem.map(Problem::invalid);
        }
        requests.useChallenge(tx, challenge.get().id());
        return Optional.empty();
    }

    /** What an approved request does: for a transaction, sign and broadcast it; otherwise apply its change. */
    private Outcome<Request> execute(Tx tx, Request approved, Instant now) {
        if (approved.targetType() != TargetType.TRANSACTION) {
            return requests.change(tx, approved.id())
                    .map(change -> admin.apply(tx, approved.workspaceId(), change, approved.targetId()))
                    .orElse(Outcome.ok(null))
                    .map(applied -> approved);
        }
        Transaction pending = transactions.find(tx, approved.workspaceId(), approved.targetId()).orElseThrow();
        Transaction done = sends.approved(tx, pending, now);
        if (done.status() == TransactionStatus.SUBMITTED) {
            requests.addEvent(tx, approved.id(), RequestStatus.SIGNED, now);
            requests.addEvent(tx, approved.id(), RequestStatus.SUBMITTED, now);
            Request submitted = approved.with(RequestStatus.SUBMITTED, approved.currentStep());
            requests.update(tx, submitted);
            return Outcome.ok(submitted);
        }
        return Outcome.ok(approved);
    }

    private void closeTarget(Tx tx, Request request, TransactionStatus status, Instant now, String reason) {
        if (request.targetType() != TargetType.TRANSACTION) {
            requests.change(tx, request.id()).ifPresent(change ->
                    admin.abort(tx, request.workspaceId(), change, request.targetId()));
            return;
        }
        transactions.find(tx, request.workspaceId(), request.targetId())
                .filter(transaction -> transaction.status() == TransactionStatus.PENDING_APPROVAL)
                .ifPresent(transaction -> sends.release(tx, transaction, status, now, reason));
    }
}
