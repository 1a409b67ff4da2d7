package io.coffer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.testing.Engine;
import org.junit.jupiter.api.Test;

class MetricsOnPostgresTest extends MetricsCases {

    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }

    @Test
    void thereIsNoSingleWriterToReport() {
        PrometheusText text = scrape();

        assertThat(text.type("coffer_db_writer_queue_depth")).isNull();
        assertThat(text.type("coffer_db_writer_batch_size")).isNull();
    }
}
