package io.coffer.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Role;
import io.coffer.common.WorkspaceKind;
import io.coffer.db.Database;
import io.coffer.db.Sql;
import io.coffer.limits.db.JdbcIdempotency;
import io.coffer.limits.db.JdbcRateLimits;
import io.coffer.testing.Engine;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storage side of the limits on each engine, with a clock the test moves: what is over is purged
 * a bounded batch at a time, and a claim whose call vanished is taken over.
 */
abstract class LimitsStoreCases {

    protected abstract Engine engine();

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T10:15:00Z"));
    private final InstantSource clock = () -> now.get();
    private Database database;
    private Caller caller;

    @BeforeEach
    void open() {
        database = engine().open();
        long workspace = database.unitOfWork().write(tx -> Outcome.ok(Sql.insert(tx, "INSERT INTO workspace (name,"
                + " created_on, token_key, seed, root_cert, leaf_cert, leaf_key) VALUES ('w', ?, 'k', 's', 'r', 'l', 'k')",
                now.get()))).orElseThrow();
        caller = new Caller(workspace, "w", WorkspaceKind.LIVE, Duration.ZERO, 7, "boss", Role.ADMIN, true);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void advance(Duration by) {
        now.set(now.get().plus(by));
    }

    @Test
    void idempotencyKeysArePurgedADayAfterTheirClaimABatchAtATime() {
        IdempotencyService keys = new IdempotencyService(database.unitOfWork(), new JdbcIdempotency(), clock,
                new SecureRandom());
        for (int i = 0; i < 1005; i++) {
            Claim claim = keys.claim(caller, new IdempotencyKey("key-" + i), "hash");
            keys.complete(caller, new IdempotencyKey("key-" + i), ((Claim.Execute) claim).token(),
                    new StoredAnswer(200, "application/json", "{}".getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(keys.claim(caller, new IdempotencyKey("key-1"), "hash")).isInstanceOf(Claim.Replay.class);
        advance(Duration.ofHours(23));
        assertThat(keys.purge()).isZero();
        advance(Duration.ofHours(1).plusMinutes(2));
        assertThat(keys.purge()).isEqualTo(1000);
        assertThat(keys.purge()).isEqualTo(5);
        assertThat(keys.purge()).isZero();
        long left = database.unitOfWork().read(tx -> Sql.count(tx, "SELECT COUNT(*) FROM idempotency_key"));
        assertThat(left).isZero();
    }

    @Test
    void aClaimWhoseCallVanishedIsTakenOverAndItsLateAnswerIgnored() {
        IdempotencyService keys = new IdempotencyService(database.unitOfWork(), new JdbcIdempotency(), clock,
                new SecureRandom());
        IdempotencyKey key = new IdempotencyKey("send");
        String first = ((Claim.Execute) keys.claim(caller, key, "hash")).token();
        assertThat(keys.claim(caller, key, "hash")).isInstanceOf(Claim.Busy.class);
        assertThat(keys.claim(caller, key, "other")).isInstanceOf(Claim.Mismatch.class);
        advance(IdempotencyService.STALE_CLAIM);
        String second = ((Claim.Execute) keys.claim(caller, key, "hash")).token();
        keys.complete(caller, key, first, new StoredAnswer(200, "application/json", "late".getBytes(StandardCharsets.UTF_8)));
        assertThat(keys.claim(caller, key, "hash")).isInstanceOf(Claim.Busy.class);
        keys.complete(caller, key, second, new StoredAnswer(201, "text/plain", "mine".getBytes(StandardCharsets.UTF_8)));
        Claim replay = keys.claim(caller, key, "hash");
        assertThat(replay).isInstanceOf(Claim.Replay.class);
        StoredAnswer answer = ((Claim.Replay) replay).answer();
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.contentType()).isEqualTo("text/plain");
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("mine");
    }

    @Test
    void aClaimWhoseCallCommittedBeforeItsInstanceDiedIsNeverRunAgain() throws Exception {
        IdempotencyService keys = new IdempotencyService(database.unitOfWork(), new JdbcIdempotency(), clock,
                new SecureRandom());
        IdempotencyKey key = new IdempotencyKey("deposit");
        String token = ((Claim.Execute) keys.claim(caller, key, "hash")).token();
        // The call's own write commits the mark with it; a refused write (rolled back) marks nothing.
        io.coffer.common.WriteScope.during(keys.applied(caller, key, token), () -> {
            database.unitOfWork().write(tx -> Outcome.invalid("refused"));
            assertThat(applied(key)).isFalse();
            database.unitOfWork().write(tx -> Outcome.ok(Sql.update(tx, "UPDATE workspace SET name = 'w2' WHERE id = ?",
                    caller.workspaceId())));
        });
        assertThat(applied(key)).isTrue();
        // Killed before its answer was kept: past the stale time a repetition is told, never run.
        assertThat(keys.claim(caller, key, "hash")).isInstanceOf(Claim.Busy.class);
        advance(IdempotencyService.STALE_CLAIM);
        assertThat(keys.claim(caller, key, "hash")).isInstanceOf(Claim.Lost.class);
        assertThat(keys.claim(caller, key, "other")).isInstanceOf(Claim.Mismatch.class);
        advance(IdempotencyService.LIFETIME);
        assertThat(keys.claim(caller, key, "hash")).as("a day later the key is free again").isInstanceOf(Claim.Execute.class);
    }

    @Test
    void aCallThatFailsAfterCommittingKeepsItsKeyAsDone() throws Exception {
        IdempotencyService keys = new IdempotencyService(database.unitOfWork(), new JdbcIdempotency(), clock,
                new SecureRandom());
        IdempotencyKey committed = new IdempotencyKey("committed");
        String token = ((Claim.Execute) keys.claim(caller, committed, "hash")).token();
        io.coffer.common.WriteScope.during(keys.applied(caller, committed, token), () ->
                database.unitOfWork().write(tx -> Outcome.ok(Sql.update(tx, "UPDATE workspace SET name = 'w3' WHERE id = ?",
                        caller.workspaceId()))));
        keys.release(caller, committed, token, 500);
        assertThat(keys.claim(caller, committed, "hash")).isEqualTo(new Claim.Withheld(500));
        // One that committed nothing is freed for a retry, as before.
        IdempotencyKey nothing = new IdempotencyKey("nothing");
        String other = ((Claim.Execute) keys.claim(caller, nothing, "hash")).token();
        keys.release(caller, nothing, other, 503);
        assertThat(keys.claim(caller, nothing, "hash")).isInstanceOf(Claim.Execute.class);
    }

    private boolean applied(IdempotencyKey key) {
        return database.unitOfWork().read(tx -> Sql.count(tx, "SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?"
                + " AND applied = TRUE", key.value())) == 1;
    }

    @Test
    void anAnswerOfTheLargestSizeKeptIsStoredWhole() {
        IdempotencyService keys = new IdempotencyService(database.unitOfWork(), new JdbcIdempotency(), clock,
                new SecureRandom());
        IdempotencyKey key = new IdempotencyKey("largest");
        byte[] body = new byte[IdempotencyService.MAX_ANSWER_BYTES];
        new SecureRandom().nextBytes(body);
        String token = ((Claim.Execute) keys.claim(caller, key, "hash")).token();
        keys.complete(caller, key, token, new StoredAnswer(200, "application/json", body));
        Claim replay = keys.claim(caller, key, "hash");
        assertThat(replay).isInstanceOf(Claim.Replay.class);
        assertThat(((Claim.Replay) replay).answer().body()).isEqualTo(body);
    }

    @Test
    void aTooLargeAnswerIsRememberedWithoutItsBody() {
        IdempotencyService keys = new IdempotencyService(database.unitOfWork(), new JdbcIdempotency(), clock,
                new SecureRandom());
        IdempotencyKey key = new IdempotencyKey("big");
        String token = ((Claim.Execute) keys.claim(caller, key, "hash")).token();
        keys.complete(caller, key, token, new StoredAnswer(200, "application/json",
                new byte[IdempotencyService.MAX_ANSWER_BYTES + 1]));
        assertThat(keys.claim(caller, key, "hash")).isEqualTo(new Claim.Withheld(200));
    }

    @Test
    void rateWindowsArePurgedOnceTheirHourIsOver() {
        RateLimiter limiter = new RateLimiter(database.unitOfWork(), new JdbcRateLimits(),
                new RateLimitPolicy(true, 2, 3, 4), clock);
        assertThat(limiter.admit(caller, LimitKind.TRANSACTION_REQUESTS)).isInstanceOf(Admission.Admitted.class);
        assertThat(limiter.admit(caller, LimitKind.TRANSACTION_REQUESTS)).isInstanceOf(Admission.Admitted.class);
        Admission refused = limiter.admit(caller, LimitKind.TRANSACTION_REQUESTS);
        assertThat(refused).isInstanceOf(Admission.Refused.class);
        assertThat(((Admission.Refused) refused).quota().reset()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
        assertThat(((Admission.Refused) refused).quota().retryAfter()).isEqualTo(Duration.ofMinutes(45));
        assertThat(limiter.admit(caller, LimitKind.OTHER_POSTS)).isInstanceOf(Admission.Admitted.class);
        advance(Duration.ofMinutes(30));
        assertThat(limiter.purge()).isZero();
        advance(Duration.ofMinutes(31));
        assertThat(limiter.purge()).isEqualTo(2);
        assertThat(limiter.peek(caller, LimitKind.TRANSACTION_REQUESTS).orElseThrow().remaining()).isEqualTo(2);
        assertThat(limiter.peek(caller, LimitKind.OTHER_POSTS)).isEqualTo(Optional.of(
                new Quota(3, 3, Instant.parse("2026-03-01T12:00:00Z"), Duration.ZERO)));
    }

    @Test
    void aUnitGivenBackCanBeTakenAgain() {
        RateLimiter limiter = new RateLimiter(database.unitOfWork(), new JdbcRateLimits(),
                new RateLimitPolicy(true, 1, 1, 1), clock);
        Admission taken = limiter.admit(caller, LimitKind.OTHER_POSTS);
        assertThat(limiter.admit(caller, LimitKind.OTHER_POSTS)).isInstanceOf(Admission.Refused.class);
        limiter.giveBack(((Admission.Admitted) taken).ticket());
        assertThat(limiter.admit(caller, LimitKind.OTHER_POSTS)).isInstanceOf(Admission.Admitted.class);
    }
}
