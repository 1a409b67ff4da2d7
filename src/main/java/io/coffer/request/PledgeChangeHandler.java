package io.coffer.request;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.governance.ApprovalStep;
import io.coffer.tradelink.PledgeChanges;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the two TradeLink request types share: the target is the pledge change (its id), the
 * request concerns the pledged account (so who sees the account sees the request), and the
 * approvers are the account's rules for the amount at stake, like a send of it; the creator must
 * be one of them. The last approval applies the change, a rejection or expiry undoes it.
 */
abstract class PledgeChangeHandler<C extends RequestChange> implements RequestHandler<C> {

    private final PledgeChanges changes;
    private final SendHandler sendRules;

    PledgeChangeHandler(PledgeChanges changes, SendHandler sendRules) {
        this.changes = changes;
        this.sendRules = sendRules;
    }

    /** Checks the change and moves the pledge into its pending state. */
    abstract Outcome<PledgeChanges.Prepared> prepareChange(Tx tx, Caller caller, C change, Instant now);

    /** The target type of this request type. */
    abstract TargetType targetType();

    @Override
    public final Outcome<Draft> prepare(Tx tx, Caller caller, C change, Instant now) {
        return prepareChange(tx, caller, change, now).flatMap(prepared -> {
            java.math.BigInteger atStake = change instanceof PledgeIncrementRequest increment
                    ? increment.intent().amount().value() : prepared.pledge().amount().value();
            Outcome<List<ApprovalStep>> steps = sendRules.accountSteps(tx, prepared.account(), atStake);
            return steps.flatMap(found -> {
                if (found.stream().noneMatch(step -> step.users().contains(caller.userId()))) {
                    return Outcome.invalid("user " + caller.userId() + " is not an approver in the rules of account "
                            + prepared.account().id() + " and cannot request changes of its pledges");
                }
                return Outcome.ok(new Draft(targetType(), prepared.changeId(), Optional.of(prepared.account().id()), found,
                        true));
            });
        });
    }

    @Override
    public final void requested(Tx tx, C change, Draft draft, long requestId) {
        changes.requested(tx, draft.targetId(), requestId);
    }

    @Override
    public final Outcome<Void> check(Tx tx, Request request, Instant now) {
        return changes.check(tx, request.workspaceId(), request.targetId());
    }

    @Override
    public final Outcome<Request> apply(Tx tx, Request approved, Instant now) {
        return changes.apply(tx, approved.workspaceId(), approved.targetId(), now).map(pledge -> approved);
    }

    @Override
    public final void abort(Tx tx, Request closed, Instant now) {
        changes.abort(tx, closed.workspaceId(), closed.targetId(), now);
    }
}
