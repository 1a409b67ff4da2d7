package io.coffer.metrics.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.coffer.db.Database;
import io.coffer.db.WriterStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The storage meters: HikariCP's own Micrometer binding for the connection pool (active, idle,
 * pending, acquire time), and the embedded database's single writer (queue depth, batch sizes,
 * refusals). PostgreSQL has no single writer, so its writer meters are absent.
 */
public final class StorageMeters {

    /** Batch-size buckets up to the writer's largest batch (64). */
    private static final double[] BATCH_BUCKETS = {1, 2, 4, 8, 16, 32, 64};

    private StorageMeters() {
    }

    /** Registers the meters of {@code database} (once per database: HikariCP takes one tracker). */
    public static void bind(MeterRegistry registry, Database database) {
        if (database.dataSource() instanceof HikariDataSource pool) {
            pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
        database.unitOfWork().writerStats().ifPresent(writer -> bindWriter(registry, writer));
    }

    private static void bindWriter(MeterRegistry registry, WriterStats writer) {
        Gauge.builder("coffer.db.writer.queue.depth", writer, WriterStats::queued)
                .description("write transactions waiting for the embedded database's single writer")
                .register(registry);
        Gauge.builder("coffer.db.writer.queue.capacity", writer, WriterStats::capacity)
                .description("write transactions that may wait at most; beyond it a write is answered 503")
                .register(registry);
        DistributionSummary batches = DistributionSummary.builder("coffer.db.writer.batch.size")
                .description("transactions committed together by one group commit")
                .serviceLevelObjectives(BATCH_BUCKETS)
                .register(registry);
        Counter rejected = Counter.builder("coffer.db.writer.rejected")
                .description("writes answered 503 because the writer's queue was full")
                .register(registry);
        writer.observe(batches::record, rejected::increment);
    }
}
