package io.coffer.metrics.http;

import io.coffer.metrics.RequestMeters;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Times every request of the API port and counts it under its route template and status class.
 * Registered first, so it also times the other filters.
 */
public final class RequestMetricsFilter implements Filter {

    private final RequestMeters meters;

    public RequestMetricsFilter(RequestMeters meters) {
        this.meters = meters;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long started = System.nanoTime();
        meters.started();
        boolean escaped = true;
        try {
            chain.proceed();
            escaped = false;
        } finally {
            // The routing's error handlers answer inside the chain, so the status is final here; a
            // failure that still escapes them is answered 500 by the server.
            int status = escaped && !res.isSent() ? 500 : res.status().code();
            meters.finished(req.prologue().method().text(), req.matchingPattern(), status, System.nanoTime() - started);
        }
    }
}
