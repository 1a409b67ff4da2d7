package io.coffer.limits;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Problem;
import io.coffer.common.Tx;
import io.coffer.common.UnitOfWork;
import io.coffer.common.WorkspaceKind;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The hourly POST limits, counted in the database so that every instance sees the same counts:
 * a POST takes a unit of its hourly quota before it runs (a conditional update, so concurrent calls
 * never take more than the limit) and gives it back unless it answered 2xx, so only successful calls
 * count. Live workspaces are limited from the start; sandbox workspaces once they ask.
 */
public final class RateLimiter implements PendingLimit {

    /** How many windows one background pass deletes. */
    private static final int PURGE_BATCH = 1000;
    /** Tries at taking a unit: only two instances creating the same window row at once need a second. */
    private static final int ATTEMPTS = 4;
    /** When a request refused by the pending limit is told to try again. */
    public static final java.time.Duration PENDING_RETRY = java.time.Duration.ofMinutes(1);

    /** Give-backs kept for later at most: beyond it a unit stays spent until its hour ends. */
    static final int MAX_DEFERRED = 10_000;

    private final UnitOfWork unitOfWork;
    private final RateLimitStore store;
    /**
     * Units whose give-back the overloaded database refused (the same overload that made their call
     * fail): the next admission's transaction gives them back, so a 503 never spends a unit.
     */
    private final java.util.concurrent.ConcurrentLinkedQueue<Ticket> deferred = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger deferredCount = new java.util.concurrent.atomic.AtomicInteger();
    private final RateLimitPolicy defaults;
    private final InstantSource clock;

    /**
     * @param defaults the server's limits ({@code COFFER_RATE_LIMIT_*}); its {@code enabled} is ignored
     */
    public RateLimiter(UnitOfWork unitOfWork, RateLimitStore store, RateLimitPolicy defaults, InstantSource clock) {
        this.unitOfWork = unitOfWork;
        this.store = store;
        this.defaults = new RateLimitPolicy(true, defaults.transactionRequestsPerHour(), defaults.otherPostsPerHour(),
                defaults.pendingRequests());
        this.clock = clock;
    }

    /** The limits in force in the caller's workspace. */
    public RateLimitPolicy policy(Caller caller) {
        if (caller.kind() == WorkspaceKind.LIVE) {
            return defaults;
        }
        return unitOfWork.read(tx -> policy(tx, caller.workspaceId(), caller.kind()));
    }

    /** Takes a unit of the caller's hourly quota of this kind, or refuses when it is spent. */
    public Admission admit(Caller caller, LimitKind kind) {
        RateLimitPolicy policy = policy(caller);
        if (!policy.enabled()) {
            return new Admission.Unlimited();
        }
        Instant now = caller.clock(clock).now();
        Ticket ticket = new Ticket(caller.workspaceId(), caller.userId(), kind, HourWindow.of(now));
        int limit = policy.perHour(kind);
        // A window is over one hour of server time after it was first used, whatever the workspace clock does.
        Instant purgeAfter = clock.instant().plus(HourWindow.LENGTH);
        java.util.List<Ticket> owed = drainDeferred();
        for (int attempt = 1; ; attempt++) {
            Outcome<Admission> outcome;
            try {
                outcome = unitOfWork.write(tx -> {
                    owed.forEach(unit -> store.giveBack(tx, unit));
                    boolean taken = store.take(tx, ticket, limit, purgeAfter);
                Quota quota = Quota.of(limit, store.used(tx, ticket), ticket.window().end(), now);
                    return Outcome.ok(taken ? new Admission.Admitted(quota, ticket, policy)
                            : new Admission.Refused(quota, kind));
                });
            } catch (RuntimeException e) {
                owed.forEach(this::defer);
                throw e;
            }
            if (outcome instanceof Outcome.Ok<Admission> ok) {
                return ok.value();
            }
            if (attempt >= ATTEMPTS) {
                owed.forEach(this::defer);
                throw new IllegalStateException("could not take a rate-limit unit: " + outcome);
            }
        }
    }

    /**
     * The quota a request refused by the pending limit reports: nothing remains, and since a slot frees
     * when some open request is approved, rejected or expires (which no clock foretells), the answer
     * suggests trying again in a minute.
     */
    public Quota pendingQuota(Caller caller, RateLimitPolicy policy) {
        Instant now = caller.clock(clock).now();
        return new Quota(policy.pendingRequests(), 0, now.plus(PENDING_RETRY), PENDING_RETRY);
    }

    /** Gives back the unit a call took, because it did not succeed. */
    public void giveBack(Ticket ticket) {
        try {
            unitOfWork.write(tx -> {
                store.giveBack(tx, ticket);
                return Outcome.ok(null);
            });
        } catch (io.coffer.common.Overloaded overloaded) {
            // The call failed for this overload too; its caller is answered 503 by the call's own failure.
            defer(ticket);
        }
    }

    private void defer(Ticket ticket) {
        if (deferredCount.incrementAndGet() <= MAX_DEFERRED) {
            deferred.add(ticket);
        } else {
            deferredCount.decrementAndGet();
        }
    }

    private java.util.List<Ticket> drainDeferred() {
        java.util.List<Ticket> owed = new java.util.ArrayList<>();
        for (Ticket unit; owed.size() < 64 && (unit = deferred.poll()) != null; ) {
            deferredCount.decrementAndGet();
            owed.add(unit);
        }
        return owed;
    }

    /** The caller's quota of this kind without taking anything (for answers replayed from an idempotency key). */
    public Optional<Quota> peek(Caller caller, LimitKind kind) {
        RateLimitPolicy policy = policy(caller);
        if (!policy.enabled()) {
            return Optional.empty();
        }
        Instant now = caller.clock(clock).now();
        Ticket ticket = new Ticket(caller.workspaceId(), caller.userId(), kind, HourWindow.of(now));
        int used = unitOfWork.read(tx -> store.used(tx, ticket));
        return Optional.of(Quota.of(policy.perHour(kind), used, ticket.window().end(), now));
    }

    /**
     * {@code POST /sandbox/rate-limits}: turns the server's limits on or off in a sandbox workspace,
     * with the overrides it asks for, and answers the limits now in force.
     */
    public Outcome<RateLimitPolicy> configure(Caller caller, WorkspaceLimits chosen) {
        if (caller.kind() != WorkspaceKind.SANDBOX) {
            return Outcome.failed(Problem.forbidden("rate limits of a live workspace are the server's"));
        }
        return unitOfWork.write(tx -> {
            store.saveSettings(tx, caller.workspaceId(), chosen);
            return Outcome.ok(policy(tx, caller.workspaceId(), caller.kind()));
        });
    }

    @Override
    public OptionalInt pendingRequests(Tx tx, long workspaceId, WorkspaceKind kind) {
        RateLimitPolicy policy = policy(tx, workspaceId, kind);
        return policy.enabled() ? OptionalInt.of(policy.pendingRequests()) : OptionalInt.empty();
    }

    /** Deletes windows that are over; run by the background job, a bounded batch at a time. */
    public int purge() {
        Instant now = clock.instant();
        if (!unitOfWork.read(tx -> store.purgeDue(tx, now))) {
            return 0;
        }
        return unitOfWork.write(tx -> Outcome.ok(store.purge(tx, now, PURGE_BATCH))).orElseThrow();
    }

    private RateLimitPolicy policy(Tx tx, long workspaceId, WorkspaceKind kind) {
        if (kind == WorkspaceKind.LIVE) {
            return defaults;
        }
        return store.settings(tx, workspaceId).map(defaults::with)
                .orElseGet(() -> new RateLimitPolicy(false, defaults.transactionRequestsPerHour(),
                        defaults.otherPostsPerHour(), defaults.pendingRequests()));
    }
}
