package io.coffer.request;

import io.coffer.signing.MessageIntent;

/** {@code CREATE_MESSAGE_SIGNING} (stored as {@code MESSAGE_SIGNING}): a message signed by an account's key. */
public record MessageSigningRequest(MessageIntent intent) implements RequestChange {

    @Override
    public RequestType type() {
        return RequestType.MESSAGE_SIGNING;
    }
}
