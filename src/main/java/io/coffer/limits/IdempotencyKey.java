package io.coffer.limits;

import io.coffer.common.Outcome;

/** A client's {@code Idempotency-Key}: 1 to 255 printable ASCII characters (space to tilde). */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (!valid(value)) {
            throw new IllegalArgumentException("not an idempotency key");
        }
    }

    /** The key a header holds, or the reason it is none. */
    public static Outcome<IdempotencyKey> parse(String raw) {
        if (!valid(raw)) {
            return Outcome.invalid("the Idempotency-Key header must hold 1 to " + MAX_LENGTH
                    + " printable ASCII characters");
        }
        return Outcome.ok(new IdempotencyKey(raw));
    }

    private static boolean valid(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH || raw.isBlank()) {
            return false;
        }
        return raw.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }
}
