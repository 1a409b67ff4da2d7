package io.coffer.limits.http;

import io.coffer.limits.Quota;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

/**
 * The headers every answer of a limited route carries: the limit, what remains of it, when it
 * resets (Unix seconds on the workspace clock) and how many seconds until a call of its kind can
 * succeed (0 while some remain).
 */
final class RateLimitHeaders {

    static final HeaderName LIMIT = HeaderNames.create("X-RateLimit-Limit");
    static final HeaderName REMAINING = HeaderNames.create("X-RateLimit-Remaining");
    static final HeaderName RESET = HeaderNames.create("X-RateLimit-Reset");

    private RateLimitHeaders() {
    }

    static void set(ServerResponse res, Quota quota) {
        res.header(LIMIT, Integer.toString(quota.limit()));
        res.header(REMAINING, Integer.toString(quota.remaining()));
        // Rounded up: a client that waits until then finds the new window open.
        long reset = quota.reset().getEpochSecond() + (quota.reset().getNano() > 0 ? 1 : 0);
        res.header(RESET, Long.toString(reset));
        res.header(HeaderNames.RETRY_AFTER, Long.toString(quota.retryAfter().getSeconds()));
    }
}
