package io.coffer.metrics.http;

import io.coffer.http.ErrorBody;
import io.coffer.http.Responses;
import io.coffer.metrics.Metrics;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;

/**
 * The routing of the management port: {@code GET /metrics} and nothing else. The port is separate
 * from the API's and asks for no credentials (docs/metrics.md says who may reach it and why).
 */
public final class MetricsRoutes {

    private final Metrics metrics;

    public MetricsRoutes(Metrics metrics) {
        this.metrics = metrics;
    }

    public void register(HttpRouting.Builder routing) {
        routing.get("/metrics", (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, Metrics.CONTENT_TYPE);
            res.send(metrics.scrape());
        });
        routing.any((req, res) -> Responses.error(res, ErrorBody.notFound(
                "the management port serves GET /metrics only")));
    }
}
