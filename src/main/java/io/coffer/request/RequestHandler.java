package io.coffer.request;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.governance.ApprovalStep;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The life of one request type, each step run inside the request's database transaction: checked
 * and prepared when asked, checked again with the same rules and carried out when the last approval
 * arrives, undone when rejected or expired. {@link RequestHandlers} picks the handler of a type.
 *
 * @param <C> the change this request type carries
 */
interface RequestHandler<C extends RequestChange> {

    /** What a prepared request is stored with. */
    record Draft(TargetType targetType, long targetId, Optional<Long> accountId, List<ApprovalStep> steps,
                 boolean createsTarget) {

        public Draft {
            steps = List.copyOf(steps);
        }
    }

    /** The change type this handler reads. */
    Class<C> changeType();

    /**
     * Checks a new request and writes what must exist while it waits (a pending object, a
     * reservation of funds); nothing is kept when it fails.
     */
    Outcome<Draft> prepare(Tx tx, Caller caller, C change, Instant now);

    /**
     * Who approves the request now: the steps fixed at its creation, unless the type says otherwise
     * (the administrative requests follow the workspace's current admins and quorum).
     */
    default java.util.List<ApprovalStep> currentSteps(Tx tx, Request request) {
        return request.steps();
    }

    /** Links the stored request to what it acts on (its change, its target's latest request). */
    void requested(Tx tx, C change, Draft draft, long requestId);

    /** The creation check again, on the state the approval finds, before anything is applied. */
    Outcome<Void> check(Tx tx, Request request, Instant now);

    /** Carries out an approved request; answers the request as it ends (a send becomes SUBMITTED). */
    Outcome<Request> apply(Tx tx, Request approved, Instant now);

    /** Undoes what {@link #prepare} wrote, for a rejected or expired request. */
    void abort(Tx tx, Request closed, Instant now);
}
