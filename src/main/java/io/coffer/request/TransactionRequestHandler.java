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
        return switch (change) {
            case StakeRequest stake -> stakes.prepare(tx, caller, stake, now);
            case SendRequest send -> sends.prepare(tx, caller, send, now);
            case AdminChange other -> throw new IllegalArgumentException("not a transaction: " + other.type());
            case MessageSigningRequest other -> throw new IllegalArgumentException("not a transaction: " + other.type());
            case DigestSigningRequest other -> throw new IllegalArgumentException("not a transaction: " + other.type());
        };
    }

    @Override
    public void requested(Tx tx, RequestChange change, Draft draft, long requestId) {
        switch (change) {
            case StakeRequest stake -> stakes.requested(tx, stake, draft, requestId);
            case SendRequest send -> sends.requested(tx, send, draft, requestId);
            case AdminChange other -> throw new IllegalArgumentException("not a transaction: " + other.type());
            case MessageSigningRequest other -> throw new IllegalArgumentException("not a transaction: " + other.type());
            case DigestSigningRequest other -> throw new IllegalArgumentException("not a transaction: " + other.type());
        }
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
