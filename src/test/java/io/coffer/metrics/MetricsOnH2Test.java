package io.coffer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.testing.Engine;
import io.coffer.testing.Sandbox;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsOnH2Test extends MetricsCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }

    @Test
    void theSingleWriterReportsItsQueueAndBatches() {
        double batchesBefore = scrape().value("coffer_db_writer_batch_size_count", Map.of());
        double writesBefore = scrape().value("coffer_db_writer_batch_size_sum", Map.of());

        Sandbox.workspace(server);

        PrometheusText text = scrape();
        assertThat(text.type("coffer_db_writer_queue_depth")).isEqualTo("gauge");
        assertThat(text.value("coffer_db_writer_queue_depth", Map.of())).isBetween(0.0, 4096.0);
        assertThat(text.value("coffer_db_writer_queue_capacity", Map.of())).isEqualTo(4096);
        assertThat(text.type("coffer_db_writer_batch_size")).isEqualTo("histogram");
        assertThat(text.value("coffer_db_writer_batch_size_count", Map.of())).isGreaterThan(batchesBefore);
        assertThat(text.value("coffer_db_writer_batch_size_sum", Map.of())).isGreaterThan(writesBefore);
        assertThat(text.value("coffer_db_writer_batch_size_bucket", Map.of("le", "64.0")))
                .isEqualTo(text.value("coffer_db_writer_batch_size_count", Map.of()));
        assertThat(text.type("coffer_db_writer_rejected_total")).isEqualTo("counter");
    }
}
