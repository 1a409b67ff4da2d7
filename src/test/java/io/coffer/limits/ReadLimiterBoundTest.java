package io.coffer.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.common.Caller;
import io.coffer.common.Role;
import io.coffer.common.WorkspaceKind;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/**
 * The read limiter counts at most {@link ReadLimiter#MAX_TRACKED} users in memory: up to the bound a
 * spent minute stays spent; at the bound the counts start again rather than the map growing.
 */
class ReadLimiterBoundTest {

    @Test
    void countsStartAgainWhenTheBoundIsReached() {
        ReadLimiter limiter = new ReadLimiter(1, InstantSource.fixed(Instant.parse("2026-01-01T00:00:10Z")));
        Caller spent = caller(0);
        assertThat(limiter.admit(spent)).isInstanceOf(ReadAdmission.Counted.class);
        assertThat(limiter.admit(spent)).isInstanceOf(ReadAdmission.Throttled.class);
        for (int user = 1; user < ReadLimiter.MAX_TRACKED - 1; user++) {
            assertThat(limiter.admit(caller(user))).isInstanceOf(ReadAdmission.Counted.class);
        }
        assertThat(limiter.admit(spent)).as("one place short of the bound, the count holds").isInstanceOf(ReadAdmission.Throttled.class);
        limiter.admit(caller(ReadLimiter.MAX_TRACKED));
        assertThat(limiter.admit(spent)).as("at the bound the map was emptied").isInstanceOf(ReadAdmission.Counted.class);
    }

    private static Caller caller(long userId) {
        return new Caller(1, "w", WorkspaceKind.LIVE, Duration.ZERO, userId, "user" + userId, Role.OPERATOR, true);
    }
}
