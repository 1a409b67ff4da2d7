package io.coffer.limits;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a caller stands against one limit, as the {@code X-RateLimit-*} and {@code Retry-After}
 * headers tell it.
 *
 * @param limit how many calls the limit allows
 * @param remaining how many are left
 * @param reset when the count starts again (workspace clock)
 * @param retryAfter how long until a call of this kind can succeed: zero while some remain
 */
public record Quota(int limit, int remaining, Instant reset, Duration retryAfter) {

    /** A quota at {@code now} with {@code used} of {@code limit} taken in the window ending at {@code reset}. */
    public static Quota of(int limit, int used, Instant reset, Instant now) {
        int remaining = Math.max(0, limit - used);
        Duration wait = remaining > 0 ? Duration.ZERO : ceilSeconds(Duration.between(now, reset));
        return new Quota(limit, remaining, reset, wait);
    }

    /** The same quota with one more call left (a call that took one and gave it back). */
    public Quota givenBack() {
        return new Quota(limit, Math.min(limit, remaining + 1), reset, Duration.ZERO);
    }

    private static Duration ceilSeconds(Duration duration) {
        if (duration.isNegative()) {
            return Duration.ZERO;
        }
        long seconds = duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
        return Duration.ofSeconds(seconds);
    }
}
