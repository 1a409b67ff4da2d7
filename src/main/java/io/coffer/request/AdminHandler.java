package io.coffer.request;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Role;
import io.coffer.common.Tx;
import java.time.Instant;
import java.util.Optional;

/**
 * The shape every administrative request shares: admins ask, the workspace's admin quorum
 * approves, and {@link #check} is the one rule of the change, run when it is asked and again, under
 * the workspace's lock, when the last approval arrives (another request may have been approved in
 * between, a user revoked, a name taken). A change that no longer holds refuses the approving vote
 * and writes nothing; the request can still be rejected or left to expire.
 *
 * @param <C> the change
 */
abstract class AdminHandler<C extends AdminChange> implements RequestHandler<C> {

    protected final AdminChecks checks;
    private final Requests requests;
    private final Class<C> changeType;

    AdminHandler(Class<C> changeType, AdminChecks checks, Requests requests) {
        this.changeType = changeType;
        this.checks = checks;
        this.requests = requests;
    }

    /**
     * Whether the change holds in the workspace as it is now.
     *
     * @param requester who asked for it
     * @param target the object it acts on; empty while a creation is being asked
     */
    abstract Outcome<Void> check(Tx tx, long ws, long requester, C change, Optional<Long> target);

    /** The object the request acts on: an existing one, or the pending object a creation writes now. */
    abstract Outcome<Long> target(Tx tx, Caller caller, C change, Instant now);

    /** Carries out the approved change. */
    abstract void apply(Tx tx, long ws, C change, long target);

    /** Undoes a creation's pending object; other changes leave nothing to undo. */
    void abort(Tx tx, long ws, C change, long target) {
    }

    /** The sandbox's shortcut: the same check, then the change at once, without a request. */
    final Outcome<Long> applyAtOnce(Tx tx, Caller caller, C change, Instant now) {
        long ws = caller.workspaceId();
        return check(tx, ws, caller.userId(), change, Optional.empty())
                .flatMap(ok -> target(tx, caller, change, now))
                .map(target -> {
                    apply(tx, ws, change, target);
                    return target;
                });
    }

    @Override
    public final Class<C> changeType() {
        return changeType;
    }

    @Override
    public final Outcome<Draft> prepare(Tx tx, Caller caller, C change, Instant now) {
        if (caller.role() != Role.ADMIN) {
            return Outcome.invalid(change.type() + " requests are made by admins; user " + caller.userId() + " is "
                    + caller.role());
        }
        long ws = caller.workspaceId();
        return check(tx, ws, caller.userId(), change, Optional.empty())
                .flatMap(ok -> target(tx, caller, change, now))
                .map(target -> new Draft(change.targetType(), target,
                        change.targetType() == TargetType.ACCOUNT ? Optional.of(target) : Optional.empty(),
                        checks.adminSteps(tx, ws), change.creates()));
    }

    /**
     * The admins who approve are those active now, with the quorum in force now: a request made
     * while the quorum was 1 does not become one person's decision after it was raised, and a
     * revoked admin's earlier approval no longer counts.
     */
    @Override
    public final java.util.List<io.coffer.governance.ApprovalStep> currentSteps(Tx tx, Request request) {
        return checks.adminSteps(tx, request.workspaceId());
    }

    @Override
    public final void requested(Tx tx, C change, Draft draft, long requestId) {
        requests.saveChange(tx, requestId, change);
        checks.markRequested(tx, draft.targetType(), draft.targetId(), requestId);
    }

    @Override
    public final Outcome<Void> check(Tx tx, Request request, Instant now) {
        checks.workspaces.lock(tx, request.workspaceId());
        return check(tx, request.workspaceId(), request.createdBy(), change(tx, request), Optional.of(request.targetId()));
    }

    @Override
    public final Outcome<Request> apply(Tx tx, Request approved, Instant now) {
        apply(tx, approved.workspaceId(), change(tx, approved), approved.targetId());
        return Outcome.ok(approved);
    }

    @Override
    public final void abort(Tx tx, Request closed, Instant now) {
        abort(tx, closed.workspaceId(), change(tx, closed), closed.targetId());
    }

    private C change(Tx tx, Request request) {
        return changeType.cast(requests.change(tx, request.id(), request.type())
                .orElseThrow(() -> new IllegalStateException("request " + request.id() + " lost its change")));
    }
}
