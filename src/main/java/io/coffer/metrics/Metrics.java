package io.coffer.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.IntSupplier;

/**
 * The meters of one Coffer instance, in a registry of its own (never Micrometer's global one, so
 * two servers in one JVM never mix their numbers), written out in Prometheus' text format. Every
 * name is listed in docs/metrics.md; no label ever carries workspace data.
 */
public final class Metrics implements AutoCloseable {

    /** The media type of {@link #scrape()}: Prometheus text exposition format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Listens to the JVM's GC notifications: it is closed with the server, or the listener outlives it. */
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final RequestMeters requests;

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        requests = new RequestMeters(registry);
    }

    /** Where adapters register what they measure (the pool, the writer). */
    public MeterRegistry registry() {
        return registry;
    }

    /** The per-route request meters the HTTP filter feeds. */
    public RequestMeters requests() {
        return requests;
    }

    /** Reports the webhook posts in flight on this instance, next to the most it allows. */
    public void webhookPosts(IntSupplier inFlight, int max) {
        Gauge.builder("coffer.webhook.posts.in.flight", inFlight, IntSupplier::getAsInt)
                .description("webhook posts in flight on this instance")
                // Micrometer holds a gauge's object weakly: a method reference would be collected.
                .strongReference(true)
                .register(registry);
        Gauge.builder("coffer.webhook.posts.max", () -> max)
                .description("webhook posts this instance keeps in flight at most (COFFER_WEBHOOK_CONCURRENCY)")
                .register(registry);
    }

    /** Every meter, in Prometheus' text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
