package io.coffer.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Request count and latency per method, route template and status class. Labels come only from
 * bounded sets: the templates the server registered (never the path a client sent, whose ids would
 * make a series per object), the standard methods, and five status classes; whatever no route
 * matched is one {@value #UNMATCHED} series.
 */
public final class RequestMeters {

    /** The route label of requests no route matched (404 for an unknown path, 405 for a wrong method). */
    public static final String UNMATCHED = "unmatched";
    /** The route label once {@link #MAX_SERIES} series exist: a guard, the registered routes stay far below it. */
    static final String OVERFLOW = "overflow";
    /** Series at most; each is a dozen histogram lines in every scrape. */
    static final int MAX_SERIES = 2048;
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    /** Latency buckets from 1 ms to 10 s: enough for p50/p99 estimates at a dozen lines per series. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private record Series(String method, String route, String statusClass) {
    }

    private final MeterRegistry registry;
    private final ConcurrentHashMap<Series, Timer> timers = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    RequestMeters(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("http.server.requests.in.flight", inFlight, AtomicInteger::get)
                .description("requests being handled now")
                .register(registry);
    }

    /** Counts a request that started. */
    public void started() {
        inFlight.incrementAndGet();
    }

    /**
     * Records a request that finished.
     *
     * @param method the request's method as sent
     * @param routeTemplate the template of the route that handled it, empty when none matched
     * @param status the status answered
     * @param nanos how long it took
     */
    public void finished(String method, Optional<String> routeTemplate, int status, long nanos) {
        Series series = new Series(METHODS.contains(method) ? method : "OTHER", routeTemplate.filter(
                RequestMeters::isTemplate).orElse(UNMATCHED), statusClass(status));
        Timer timer = timers.get(series);
        if (timer == null) {
            timer = timers.size() >= MAX_SERIES
                    ? timers.computeIfAbsent(new Series(series.method(), OVERFLOW, series.statusClass()), this::timer)
                    : timers.computeIfAbsent(series, this::timer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
        // Only once recorded: a scrape that sees nothing in flight sees every finished request counted.
        inFlight.decrementAndGet();
    }

    /** A registered route's template is an absolute path; the fallback's catch-all pattern is not. */
    private static boolean isTemplate(String pattern) {
        return pattern.startsWith("/") && !pattern.contains("*");
    }

    static String statusClass(int status) {
        return status >= 100 && status < 600 ? (status / 100) + "xx" : "other";
    }

    private Timer timer(Series series) {
        return Timer.builder("http.server.requests")
                .description("requests handled, by method, route template and status class")
                .tag("method", series.method())
                .tag("route", series.route())
                .tag("status_class", series.statusClass())
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
