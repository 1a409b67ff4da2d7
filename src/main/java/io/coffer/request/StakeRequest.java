package io.coffer.request;

import io.coffer.staking.StakeIntent;

/** {@code CREATE_TRANSACTION} of a staking type: a stake opened or closed, governed by the account's rules. */
public record StakeRequest(StakeIntent intent) implements RequestChange {

    @Override
    public RequestType type() {
        return RequestType.CREATE_TRANSACTION;
    }
}
