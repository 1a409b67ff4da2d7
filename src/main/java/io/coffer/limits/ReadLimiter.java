package io.coffer.limits;

import io.coffer.common.Caller;
import io.coffer.common.WorkspaceKind;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A generous limit on reads (GET and HEAD) per user and minute of its workspace clock, for live
 * workspaces: a guard against a runaway client loop, which a well-behaved client never meets. Unlike
 * the POST limits it is counted in memory, per instance (several instances each allow the limit),
 * in a bounded map that is emptied when full (its counts start again: the bound protects memory,
 * not the limit's exactness). Sandbox workspaces are never read-limited: test suites poll.
 */
public final class ReadLimiter {

    /** Users counted at once before the map is emptied. */
    public static final int MAX_TRACKED = 10_000;

    private record Key(long workspaceId, long userId) {
    }

    private record Count(Instant minute, int used) {
    }

    private final int perMinute;
    private final InstantSource clock;
    private final Map<Key, Count> counts = new ConcurrentHashMap<>();

    public ReadLimiter(int perMinute, InstantSource clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("reads per minute must be positive: " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts one read of the caller, or refuses it when its minute's reads are spent. */
    public ReadAdmission admit(Caller caller) {
        if (caller.kind() != WorkspaceKind.LIVE) {
            return new ReadAdmission.Free();
        }
        Instant now = caller.clock(clock).now();
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        if (counts.size() >= MAX_TRACKED) {
            counts.clear();
        }
        boolean[] refused = {false};
        Count count = counts.compute(new Key(caller.workspaceId(), caller.userId()), (key, old) -> {
            if (old == null || !old.minute().equals(minute)) {
                return new Count(minute, 1);
            }
            if (old.used() >= perMinute) {
                refused[0] = true;
                return old;
            }
            return new Count(minute, old.used() + 1);
        });
        Quota quota = Quota.of(perMinute, count.used(), minute.plus(Duration.ofMinutes(1)), now);
        return refused[0] ? new ReadAdmission.Throttled(quota) : new ReadAdmission.Counted(quota);
    }
}
