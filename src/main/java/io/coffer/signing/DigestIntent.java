package io.coffer.signing;

import java.util.List;
import java.util.Optional;

/** A {@code SIGN_DIGESTS} request as read from {@code POST /requests}. */
public record DigestIntent(long accountId, List<Entry> digests, Optional<SigningNote> note) {

    /** At most this many digests in one request. */
    public static final int MAX_DIGESTS = 100;

    public DigestIntent {
        digests = List.copyOf(digests);
    }

    /**
     * One digest to sign.
     *
     * @param digest 64 lowercase hex digits (32 bytes)
     * @param path the key path asked for; empty means the account's own key
     */
    public record Entry(String digest, Optional<String> path) {
    }
}
