package io.coffer.request;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.tradelink.PledgeChanges;
import java.time.Instant;

/**
 * {@code CREATE_PLEDGE_INCREMENT}: the pledge waits in PLEDGE_INCREMENT_PENDING_APPROVAL with the
 * increment as {@code pending}; the last approval reserves it and the pledge is PLEDGE_READY again.
 */
final class PledgeIncrementHandler extends PledgeChangeHandler<PledgeIncrementRequest> {

    private final PledgeChanges changes;

    PledgeIncrementHandler(PledgeChanges changes, SendHandler sendRules) {
        super(changes, sendRules);
        this.changes = changes;
    }

    @Override
    public Class<PledgeIncrementRequest> changeType() {
        return PledgeIncrementRequest.class;
    }

    @Override
    Outcome<PledgeChanges.Prepared> prepareChange(Tx tx, Caller caller, PledgeIncrementRequest change, Instant now) {
        return changes.prepareIncrement(tx, caller, change.intent(), now);
    }

    @Override
    TargetType targetType() {
        return TargetType.PLEDGE_INCREMENT;
    }
}
