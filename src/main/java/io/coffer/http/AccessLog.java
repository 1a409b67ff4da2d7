package io.coffer.http;

import io.coffer.common.Caller;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * One INFO line per request: method, route template (never the raw path, which may carry what a
 * client should not see logged), status, milliseconds, workspace and user id when authenticated.
 * Nothing from headers or bodies is written, so keys, secrets and tokens never reach the log.
 */
public final class AccessLog implements Filter {

    /**
     * The JDK's logger directly, with the source given: through SLF4J's JDK binding each line would
     * walk the stack to find its caller, which cost more than the request it logs.
     */
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("io.coffer.access");

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long started = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            if (LOG.isLoggable(java.util.logging.Level.INFO)) {
                long micros = (System.nanoTime() - started) / 1000;
                Caller caller = req.context().get(Caller.class).orElse(null);
                long fraction = micros % 1000;
                StringBuilder line = new StringBuilder(96).append(req.prologue().method().text()).append(' ')
                        .append(req.matchingPattern().orElse("(no route)")).append(' ').append(res.status().code())
                        .append(' ').append(micros / 1000).append('.').append(fraction < 100 ? "0" : "")
                        .append(fraction < 10 ? "0" : "").append(fraction).append(" ms workspace=")
                        .append(caller == null ? "-" : caller.workspaceName()).append(" user=")
                        .append(caller == null ? "-" : Long.toString(caller.userId()));
                LOG.logp(java.util.logging.Level.INFO, "io.coffer.http.AccessLog", "filter", line.toString());
            }
        }
    }
}
