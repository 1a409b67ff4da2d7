package io.coffer.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class HistoryGridTest {

    static final Instant END = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void hourlyUpToTwoDays() {
        List<Instant> samples = HistoryGrid.samples(END.minus(Duration.ofDays(2)), END);
        assertThat(samples).hasSize(49);
        assertThat(samples.getLast()).isEqualTo(END);
        assertThat(Duration.between(samples.get(0), samples.get(1))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void dailyForThirtyDaysAndForAYear() {
        assertThat(HistoryGrid.samples(END.minus(Duration.ofDays(30)), END)).hasSize(31);
        List<Instant> year = HistoryGrid.samples(END.minus(Duration.ofDays(365)), END);
        assertThat(year).hasSize(366);
        assertThat(Duration.between(year.get(0), year.get(1))).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void weeklyBeyondAYearAndNeverMoreThan400Points() {
        List<Instant> twoYears = HistoryGrid.samples(END.minus(Duration.ofDays(730)), END);
        assertThat(Duration.between(twoYears.get(0), twoYears.get(1))).isEqualTo(Duration.ofDays(7));
        List<Instant> twentyYears = HistoryGrid.samples(END.minus(Duration.ofDays(7300)), END);
        assertThat(twentyYears.size()).isLessThanOrEqualTo(HistoryGrid.MAX_POINTS).isGreaterThan(300);
        assertThat(twentyYears.getLast()).isEqualTo(END);
    }

    @Test
    void anEmptySpanIsOnePoint() {
        assertThat(HistoryGrid.samples(END, END)).containsExactly(END);
    }

    @Property
    void samplesAreRegularAscendingWithinTheSpanAndEndAtEnd(@ForAll @LongRange(min = 0, max = 20L * 365 * 86400) long spanSeconds) {
        Instant start = END.minusSeconds(spanSeconds);
        List<Instant> samples = HistoryGrid.samples(start, END);
        assertThat(samples).isNotEmpty().hasSizeLessThanOrEqualTo(HistoryGrid.MAX_POINTS);
        assertThat(samples.getLast()).isEqualTo(END);
        assertThat(samples.getFirst()).isAfterOrEqualTo(start);
        Duration step = HistoryGrid.step(Duration.ofSeconds(spanSeconds));
        for (int i = 1; i < samples.size(); i++) {
            assertThat(Duration.between(samples.get(i - 1), samples.get(i))).isEqualTo(step);
        }
        assertThat(samples.getFirst().minus(step)).isBefore(start);
    }
}
