package io.coffer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The labels of the request meters come from bounded sets only. */
class RequestMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RequestMeters meters = new RequestMeters(registry);

    @Test
    void statusesCollapseIntoClassesAndUnknownMethodsIntoOther() {
        record(meters, "GET", Optional.of("/health"), 503);
        record(meters, "BREW", Optional.of("/health"), 200);
        record(meters, "GET", Optional.empty(), 404);
        record(meters, "GET", Optional.of("/*"), 405);

        assertThat(timer("GET", "/health", "5xx").count()).isEqualTo(1);
        assertThat(timer("OTHER", "/health", "2xx").count()).isEqualTo(1);
        assertThat(timer("GET", RequestMeters.UNMATCHED, "4xx").count()).isEqualTo(2);
        assertThat(RequestMeters.statusClass(99)).isEqualTo("other");
        assertThat(RequestMeters.statusClass(600)).isEqualTo("other");
    }

    @Test
    void seriesStopGrowingAtTheGuard() {
        for (int i = 0; i < RequestMeters.MAX_SERIES + 500; i++) {
            record(meters, "GET", Optional.of("/route-" + i), 200);
        }

        assertThat(registry.find("http.server.requests").timers()).hasSize(RequestMeters.MAX_SERIES + 1);
        assertThat(timer("GET", RequestMeters.OVERFLOW, "2xx").count()).isEqualTo(500);
    }

    @Test
    void inFlightFollowsStartsAndFinishes() {
        meters.started();
        meters.started();
        meters.finished("GET", Optional.of("/health"), 200, 1_000_000);

        assertThat(registry.get("http.server.requests.in.flight").gauge().value()).isEqualTo(1);
    }

    private static void record(RequestMeters meters, String method, Optional<String> route, int status) {
        meters.started();
        meters.finished(method, route, status, 1_000_000);
    }

    private Timer timer(String method, String route, String statusClass) {
        return registry.get("http.server.requests").tag("method", method).tag("route", route)
                .tag("status_class", statusClass).timer();
    }
}
