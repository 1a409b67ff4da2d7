package io.coffer.request;

import io.coffer.transaction.SendIntent;

/** {@code CREATE_TRANSACTION}: a send from an account, governed by the account's rules. */
public record SendRequest(SendIntent intent) implements RequestChange {

    @Override
    public RequestType type() {
        return RequestType.CREATE_TRANSACTION;
    }
}
