package io.coffer.request;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.tradelink.PledgeChanges;
import java.time.Instant;

/**
 * {@code CREATE_FORCED_UNPLEDGE}: the pledge waits in UNPLEDGE_PENDING_APPROVAL, funds still
 * reserved; the last approval releases them all and the pledge is UNPLEDGE_APPROVED.
 */
final class ForcedUnpledgeHandler extends PledgeChangeHandler<ForcedUnpledgeRequest> {

    private final PledgeChanges changes;

    ForcedUnpledgeHandler(PledgeChanges changes, SendHandler sendRules) {
        super(changes, sendRules);
        this.changes = changes;
    }

    @Override
    public Class<ForcedUnpledgeRequest> changeType() {
        return ForcedUnpledgeRequest.class;
    }

    @Override
    Outcome<PledgeChanges.Prepared> prepareChange(Tx tx, Caller caller, ForcedUnpledgeRequest change, Instant now) {
        return changes.prepareUnpledge(tx, caller, change.intent(), now);
    }

    @Override
    TargetType targetType() {
        return TargetType.FORCED_UNPLEDGE;
    }
}
