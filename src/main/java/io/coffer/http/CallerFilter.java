package io.coffer.http;

import io.coffer.common.Caller;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Wraps the handlers of authenticated routes, once the caller is known: the seam where rate limits
 * and idempotency keys take hold, without the routes knowing.
 */
@FunctionalInterface
public interface CallerFilter {

    /** Lets every call through unchanged. */
    CallerFilter NONE = (req, res, caller, next) -> next.handle(req, res, caller);

    /** Runs {@code next} (or answers in its place). */
    void handle(ServerRequest req, ServerResponse res, Caller caller, CallerHandler next) throws Exception;

    /** Checks a call of a route open to anyone (no caller): nothing by default. */
    default void checkOpen(ServerRequest req) {
    }
}
