package io.coffer.request;

import io.coffer.signing.DigestIntent;

/** {@code SIGN_DIGESTS}: raw digests signed by an account's keys. */
public record DigestSigningRequest(DigestIntent intent) implements RequestChange {

    @Override
    public RequestType type() {
        return RequestType.SIGN_DIGESTS;
    }
}
