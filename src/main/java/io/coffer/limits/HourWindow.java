package io.coffer.limits;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A fixed hour of a workspace clock ({@code 13:00:00} to {@code 14:00:00} UTC): hourly counts start
 * again at each full hour. Fixed rather than sliding, so a count is one row and its reset one instant.
 */
public record HourWindow(Instant start) {

    public static final Duration LENGTH = Duration.ofHours(1);

    public HourWindow {
        if (!start.equals(start.truncatedTo(ChronoUnit.HOURS))) {
            throw new IllegalArgumentException("a window starts on the hour: " + start);
        }
    }

    /** The window a moment falls in. */
    public static HourWindow of(Instant now) {
        return new HourWindow(now.truncatedTo(ChronoUnit.HOURS));
    }

    /** When the next window starts, and the counts with it. */
    public Instant end() {
        return start.plus(LENGTH);
    }
}
