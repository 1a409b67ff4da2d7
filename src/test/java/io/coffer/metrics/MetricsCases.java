package io.coffer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.ServerConfig;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Engine;
import io.coffer.testing.Sandbox;
import io.coffer.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** GET /metrics on the management port, over real HTTP, on each storage engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MetricsCases {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String REQUESTS = "http_server_requests_seconds_count";

    protected TestServer server;
    private Sandbox.Workspace workspace;

    protected abstract Engine engine();

    @BeforeAll
    void startServer() {
        server = TestServer.start(engine(), Map.of("COFFER_METRICS", "on", "COFFER_METRICS_PORT", "0"));
        workspace = Sandbox.workspace(server);
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theScrapeIsPrometheusTextWithJvmMeters() {
        HttpResponse<String> scrape = get(server.metricsUrl() + "/metrics");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        PrometheusText text = PrometheusText.parse(scrape.body());
        assertThat(text.type("http_server_requests_seconds")).isEqualTo("histogram");
        assertThat(text.type("jvm_memory_used_bytes")).isEqualTo("gauge");
        assertThat(text.type("jvm_threads_live_threads")).isEqualTo("gauge");
        assertThat(text.type("jvm_gc_memory_allocated_bytes_total")).isEqualTo("counter");
        assertThat(text.named("jvm_memory_used_bytes")).isNotEmpty();
        assertThat(text.named("process_uptime_seconds")).isNotEmpty();
        assertThat(text.named("coffer_webhook_posts_in_flight")).singleElement()
                .satisfies(s -> assertThat(s.value()).isBetween(0.0, 16.0));
        assertThat(text.value("coffer_webhook_posts_max", Map.of())).isEqualTo(16);
    }

    @Test
    void anAccountReadCountsUnderItsRouteTemplateNeverItsPath() {
        long id = Sandbox.account(workspace.client(), "bitcoin_testnet").path("id").asLong();
        Map<String, String> series = Map.of("method", "GET", "route", "/accounts/{account_id}", "status_class", "2xx");
        double before = scrape().value(REQUESTS, series);

        assertThat(workspace.client().get("/accounts/" + id).status()).isEqualTo(200);
        assertThat(workspace.client().get("/accounts/" + id).status()).isEqualTo(200);

        PrometheusText after = settledScrape();
        assertThat(after.value(REQUESTS, series)).isEqualTo(before + 2);
        assertThat(routes(after)).doesNotContain("/accounts/" + id).allMatch(
                route -> route.equals(RequestMeters.UNMATCHED) || route.startsWith("/"));
        assertThat(after.named("http_server_requests_seconds_bucket").stream().filter(s -> series.entrySet().stream()
                .allMatch(e -> e.getValue().equals(s.label(e.getKey()))))).hasSizeGreaterThan(5);
    }

    @Test
    void refusalsLandInTheirStatusClasses() {
        Map<String, String> account4xx = Map.of("method", "GET", "route", "/accounts/{account_id}", "status_class", "4xx");
        Map<String, String> unmatched4xx = Map.of("method", "GET", "route", RequestMeters.UNMATCHED, "status_class", "4xx");
        Map<String, String> deposit4xx = Map.of("method", "POST", "route", "/sandbox/accounts", "status_class", "4xx");
        PrometheusText before = scrape();

        assertThat(workspace.client().get("/accounts/987654321").status()).isEqualTo(404);
        assertThat(workspace.client().get("/accounts/not-a-number").status()).isEqualTo(400);
        assertThat(server.anonymous().get("/accounts/1").status()).isEqualTo(401);
        assertThat(workspace.client().get("/no-such-route").status()).isEqualTo(404);
        assertThat(workspace.client().postRaw("/sandbox/accounts", "{broken").status()).isEqualTo(400);

        PrometheusText settled = settledScrape();
        // A request's series is recorded just after its answer is on the wire: wait for the last one too.
        for (int i = 0; i < 500 && settled.value(REQUESTS, deposit4xx) < before.value(REQUESTS, deposit4xx) + 1; i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            settled = settledScrape();
        }
        PrometheusText after = settled;
        assertThat(after.value(REQUESTS, account4xx)).isEqualTo(before.value(REQUESTS, account4xx) + 3);
        assertThat(after.value(REQUESTS, unmatched4xx)).isEqualTo(before.value(REQUESTS, unmatched4xx) + 1);
        assertThat(after.value(REQUESTS, deposit4xx)).isEqualTo(before.value(REQUESTS, deposit4xx) + 1);
        assertThat(after.named(REQUESTS)).allMatch(s -> Set.of("1xx", "2xx", "3xx", "4xx", "5xx")
                .contains(s.label("status_class")));
    }

    @Test
    void thePoolIsMeasured() {
        Sandbox.account(workspace.client(), "bitcoin_testnet");
        PrometheusText text = scrape();

        for (String gauge : List.of("hikaricp_connections_active", "hikaricp_connections_idle",
                "hikaricp_connections_pending", "hikaricp_connections_max")) {
            assertThat(text.type(gauge)).as(gauge).isEqualTo("gauge");
            assertThat(text.named(gauge)).as(gauge).singleElement()
                    .satisfies(s -> assertThat(s.label("pool")).isEqualTo("coffer"));
        }
        assertThat(text.value("hikaricp_connections_max", Map.of("pool", "coffer"))).isEqualTo(8);
        assertThat(text.value("hikaricp_connections_acquire_seconds_count", Map.of("pool", "coffer"))).isPositive();
    }

    @Test
    void cardinalityStaysBoundedWhateverPathsClientsSend() {
        Map<String, String> unmatched = Map.of("method", "GET", "route", RequestMeters.UNMATCHED, "status_class", "4xx");
        PrometheusText before = scrape();
        Set<String> seriesBefore = series(before);

        for (int i = 0; i < 1000; i++) {
            assertThat(get(server.baseUrl() + "/unknown-" + i + "/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        }

        PrometheusText after = settledScrape();
        Set<String> added = series(after);
        added.removeAll(seriesBefore);
        assertThat(added).hasSizeLessThanOrEqualTo(1);
        assertThat(after.value(REQUESTS, unmatched)).isEqualTo(before.value(REQUESTS, unmatched) + 1000);
        assertThat(after.samples()).noneMatch(s -> s.labels().values().stream().anyMatch(v -> v.contains("unknown-")));
    }

    @Test
    void metricsAreNotOnTheApiPortAndTheApiIsNotOnTheManagementPort() {
        assertThat(server.anonymous().get("/metrics").status()).isEqualTo(404);
        assertThat(workspace.client().get("/metrics").status()).isEqualTo(404);

        HttpResponse<String> api = get(server.metricsUrl() + "/accounts");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).contains("\"status_code\":404");
        assertThat(get(server.metricsUrl() + "/health").statusCode()).isEqualTo(404);
    }

    @Test
    void theScrapeCarriesNoWorkspaceData() {
        long id = Sandbox.account(workspace.client(), "bitcoin_testnet").path("id").asLong();
        workspace.client().get("/accounts/" + id);

        String body = get(server.metricsUrl() + "/metrics").body();

        assertThat(body).doesNotContain(workspace.name()).doesNotContain("/accounts/" + id + "\"");
        assertThat(routes(PrometheusText.parse(body))).allMatch(route -> !route.matches(".*/[0-9]+(/.*)?"));
    }

    @Test
    void metricsAreOffByDefaultAndLoopbackOnlyWhenOn() {
        assertThat(ServerConfig.fromEnvironment(Map.of()).metrics().enabled()).isFalse();
        ServerConfig.MetricsSettings on = ServerConfig.fromEnvironment(Map.of("COFFER_METRICS", "on")).metrics();
        assertThat(on.enabled()).isTrue();
        assertThat(on.host()).isEqualTo("127.0.0.1");
        assertThat(on.loopbackOnly()).isTrue();
        assertThat(on.port()).isEqualTo(9464);
        assertThat(ServerConfig.fromEnvironment(Map.of("COFFER_METRICS", "off")).metrics().enabled()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of(
                        "COFFER_METRICS", "on", "COFFER_METRICS_PORT", "5000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("COFFER_METRICS_PORT");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of(
                        "COFFER_METRICS", "maybe")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("COFFER_METRICS");
    }

    /**
     * A scrape once no API request is in flight: the server records a request after its answer is
     * sent, so the answer can reach the test before its count does.
     */
    protected PrometheusText settledScrape() {
        PrometheusText text = scrape();
        for (int i = 0; i < 500 && text.value("http_server_requests_in_flight", Map.of()) > 0; i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            text = scrape();
        }
        return text;
    }

    protected PrometheusText scrape() {
        HttpResponse<String> response = get(server.metricsUrl() + "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return PrometheusText.parse(response.body());
    }

    private static Set<String> routes(PrometheusText text) {
        return text.named(REQUESTS).stream().map(s -> s.label("route")).collect(Collectors.toSet());
    }

    /** Every request series, as its labels. */
    private static Set<String> series(PrometheusText text) {
        return text.named(REQUESTS).stream().map(s -> s.labels().toString()).collect(Collectors.toSet());
    }

    protected static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
