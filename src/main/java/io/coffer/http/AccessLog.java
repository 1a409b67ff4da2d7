package io.coffer.http;

import io.coffer.common.Caller;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per request: method, route template (never the raw path, which may carry what a
 * client should not see logged), status, milliseconds, workspace and user id when authenticated.
 * Nothing from headers or bodies is written, so keys, secrets and tokens never reach the log.
 */
public final class AccessLog implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger("io.coffer.access");

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long started = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            if (LOG.isInfoEnabled()) {
                long micros = (System.nanoTime() - started) / 1000;
                Caller caller = req.context().get(Caller.class).orElse(null);
                LOG.info("{} {} {} {}.{} ms workspace={} user={}", req.prologue().method().text(),
                        req.matchingPattern().orElse("(no route)"), res.status().code(), micros / 1000,
                        String.format("%03d", micros % 1000), caller == null ? "-" : caller.workspaceName(),
                        caller == null ? "-" : caller.userId());
            }
        }
    }
}
