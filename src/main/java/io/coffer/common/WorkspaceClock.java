package io.coffer.common;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;

/**
 * The time as a workspace sees it: the server's clock plus the workspace's offset, which only the
 * sandbox moves (forwards). Instants are truncated to microseconds, the precision of storage.
 */
public record WorkspaceClock(InstantSource source, Duration offset) {

    public WorkspaceClock {
        if (offset.isNegative()) {
            throw new IllegalArgumentException("a workspace clock never runs behind real time");
        }
    }

    public Instant now() {
        return source.instant().plus(offset).truncatedTo(ChronoUnit.MICROS);
    }
}
