package io.coffer.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Overloaded;
import io.coffer.common.Role;
import io.coffer.common.Tx;
import io.coffer.common.UnitOfWork;
import io.coffer.common.WorkspaceKind;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A unit taken by a POST that was then answered 503 (pool exhausted, writer queue full) is given
 * back even when the give-back itself meets the same overload: otherwise every retry the 503 asks
 * for would spend a unit of the user's hourly quota, and an overload would end in 429s for an hour.
 */
class GiveBackUnderOverloadTest {

    /** Runs each write in memory; while {@code overloaded}, refuses it as the pool or the writer would. */
    private static final class FlakyUnitOfWork implements UnitOfWork {
        boolean overloaded;

        @Override
        public <T> Outcome<T> write(Function<Tx, Outcome<T>> work) {
            if (overloaded) {
                throw new Overloaded("no connection came free");
            }
            return work.apply(null);
        }

        @Override
        public <T> T read(Function<Tx, T> work) {
            return work.apply(null);
        }
    }

    /** The windows' counts, in memory. */
    private static final class MemoryStore implements RateLimitStore {
        final Map<Ticket, Integer> used = new HashMap<>();

        @Override
        public Optional<WorkspaceLimits> settings(Tx tx, long workspaceId) {
            return Optional.empty();
        }

        @Override
        public void saveSettings(Tx tx, long workspaceId, WorkspaceLimits limits) {
        }

        @Override
        public int used(Tx tx, Ticket window) {
            return used.getOrDefault(window, 0);
        }

        @Override
        public boolean take(Tx tx, Ticket window, int limit, Instant purgeAfter) {
            if (used(tx, window) >= limit) {
                return false;
            }
            used.merge(window, 1, Integer::sum);
            return true;
        }

        @Override
        public void giveBack(Tx tx, Ticket window) {
            used.computeIfPresent(window, (k, v) -> v > 0 ? v - 1 : 0);
        }

        @Override
        public boolean purgeDue(Tx tx, Instant now) {
            return false;
        }

        @Override
        public int purge(Tx tx, Instant now, int max) {
            return 0;
        }
    }

    private final FlakyUnitOfWork unitOfWork = new FlakyUnitOfWork();
    private final MemoryStore store = new MemoryStore();
    private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-12-02T10:30:00Z"));
    private final RateLimiter limiter = new RateLimiter(unitOfWork, store, new RateLimitPolicy(true, 2, 600, 100), clock);
    private final Caller caller = new Caller(1, "w", WorkspaceKind.LIVE, Duration.ZERO, 7, "boss", Role.ADMIN, true);

    @Test
    void aGiveBackRefusedByAnOverloadIsAppliedOnceTheDatabaseAnswersAgain() {
        Admission.Admitted first = (Admission.Admitted) limiter.admit(caller, LimitKind.TRANSACTION_REQUESTS);
        unitOfWork.overloaded = true;
        // The request's own write was answered 503; its unit must come back all the same.
        limiter.giveBack(first.ticket());
        unitOfWork.overloaded = false;

        Admission second = limiter.admit(caller, LimitKind.TRANSACTION_REQUESTS);
        Admission third = limiter.admit(caller, LimitKind.TRANSACTION_REQUESTS);
        assertThat(second).isInstanceOf(Admission.Admitted.class);
        assertThat(third).as("the 503 spent no unit: two of two remain").isInstanceOf(Admission.Admitted.class);
        assertThat(limiter.admit(caller, LimitKind.TRANSACTION_REQUESTS)).isInstanceOf(Admission.Refused.class);
    }

    @Test
    void anAdmissionRefusedByTheOverloadKeepsTheGiveBacksItCarried() {
        Admission.Admitted first = (Admission.Admitted) limiter.admit(caller, LimitKind.TRANSACTION_REQUESTS);
        unitOfWork.overloaded = true;
        limiter.giveBack(first.ticket());
        assertThatThrownBy(() -> limiter.admit(caller, LimitKind.TRANSACTION_REQUESTS)).isInstanceOf(Overloaded.class);
        unitOfWork.overloaded = false;

        assertThat(limiter.admit(caller, LimitKind.TRANSACTION_REQUESTS)).isInstanceOf(Admission.Admitted.class);
        assertThat(limiter.admit(caller, LimitKind.TRANSACTION_REQUESTS)).isInstanceOf(Admission.Admitted.class);
        assertThat(limiter.admit(caller, LimitKind.TRANSACTION_REQUESTS)).isInstanceOf(Admission.Refused.class);
    }
}
