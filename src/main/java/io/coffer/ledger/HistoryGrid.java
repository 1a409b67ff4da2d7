package io.coffer.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The sample dates of a balance history: a regular grid ending exactly at {@code end}, hourly for
 * spans up to 2 days, daily up to a year, weekly beyond, and never more than {@link #MAX_POINTS}
 * points (the step grows when a span would need more).
 */
public final class HistoryGrid {

    public static final int MAX_POINTS = 400;
    public static final Duration DEFAULT_SPAN = Duration.ofDays(30);

    private HistoryGrid() {
    }

    /** The step between samples for a span. */
    public static Duration step(Duration span) {
        Duration step;
        if (span.compareTo(Duration.ofDays(2)) <= 0) {
            step = Duration.ofHours(1);
        } else if (span.compareTo(Duration.ofDays(366)) <= 0) {
            step = Duration.ofDays(1);
        } else {
            step = Duration.ofDays(7);
        }
        long points = span.dividedBy(step) + 1;
        if (points > MAX_POINTS) {
            long seconds = Math.ceilDiv(span.toSeconds(), MAX_POINTS - 1);
            step = Duration.ofSeconds(Math.ceilDiv(seconds, step.toSeconds()) * step.toSeconds());
        }
        return step;
    }

    /** The sample instants, ascending, the last one {@code end}; requires {@code start <= end}. */
    public static List<Instant> samples(Instant start, Instant end) {
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("start after end");
        }
        Duration step = step(Duration.between(start, end));
        List<Instant> samples = new ArrayList<>();
        for (Instant at = end; !at.isBefore(start) && samples.size() < MAX_POINTS; at = at.minus(step)) {
            samples.add(at);
        }
        Collections.reverse(samples);
        return samples;
    }
}
