package io.coffer.request;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.staking.StakeLifecycle;
import java.time.Instant;

/**
 * {@code CREATE_TRANSACTION}: sends go to {@link SendHandler}, staking transactions to
 * {@link StakeHandler}; a stored request is routed by its transaction (a staking one has a stake
 * action).
 */
final class TransactionRequestHandler implements RequestHandler<RequestChange> {

    private final SendHandler sends;
    private final StakeHandler stakes;
    private final StakeLifecycle lifecycle;

    TransactionRequestHandler(SendHandler sends, StakeHandler stakes, StakeLifecycle lifecycle) {
        this.sends = sends;
        this.stakes = stakes;
        this.lifecycle = lifecycle;
    }

    @Override
    public Class<RequestChange> changeType() {
        return RequestChange.class;
    }

    @Override
    public Outcome<Draft> prepare(Tx tx, Caller caller, RequestChange change, Instant now) {
        if (change instanceof StakeRequest stake) {
            return stakes.prepare(tx, caller, stake, now);
        }
        return sends.prepare(tx, caller, send(change), now);
    }

    @Override
    public void requested(Tx tx, RequestChange change, Draft draft, long requestId) {
        if (change instanceof StakeRequest stake) {
            stakes.requested(tx, stake, draft, requestId);
        } else {
            sends.requested(tx, send(change), draft, requestId);
        }
    }

    /** Other changes never carry CREATE_TRANSACTION (each change names its own type). */
    private static SendRequest send(RequestChange change) {
        if (change instanceof SendRequest send) {
            return send;
        }
        throw new IllegalArgumentException("not a transaction: " + change.type());
    }

    @Override
    public Outcome<Void> check(Tx tx, Request request, Instant now) {
        return staking(tx, request) ? stakes.check(tx, request, now) : sends.check(tx, request, now);
    }

    @Override
    public Outcome<Request> apply(Tx tx, Request approved, Instant now) {
        return staking(tx, approved) ? stakes.apply(tx, approved, now) : sends.apply(tx, approved, now);
    }

    @Override
    public void abort(Tx tx, Request closed, Instant now) {
        if (staking(tx, closed)) {
            stakes.abort(tx, closed, now);
        } else {
            sends.abort(tx, closed, now);
        }
    }

    private boolean staking(Tx tx, Request request) {
        return lifecycle.isStaking(tx, request.targetId());
    }
}
