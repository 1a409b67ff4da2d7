package io.coffer.limits;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.UnitOfWork;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Idempotency keys: the first POST with a key runs and its answer is kept; a repetition with the same
 * key and the same request within 24 hours of the workspace clock gets that answer again and does
 * nothing. The key's row is claimed in its own short transaction before the call runs, so of two
 * concurrent calls (on any instance) one runs and the other waits for its answer.
 */
public final class IdempotencyService {

    /** How long a key is remembered, on the workspace clock. */
    public static final Duration LIFETIME = Duration.ofHours(24);
    /**
     * How long a claim without an answer holds its key (server clock): past it, the call that claimed
     * it is taken to have vanished (its instance stopped) and a repetition may run.
     */
    public static final Duration STALE_CLAIM = Duration.ofMinutes(2);
    /** The largest answer kept; a larger one is remembered as done, without its body. */
    public static final int MAX_ANSWER_BYTES = 2 * 1024 * 1024;
    private static final int PURGE_BATCH = 1000;

    private final UnitOfWork unitOfWork;
    private final IdempotencyStore store;
    private final InstantSource clock;
    private final SecureRandom random;

    public IdempotencyService(UnitOfWork unitOfWork, IdempotencyStore store, InstantSource clock, SecureRandom random) {
        this.unitOfWork = unitOfWork;
        this.store = store;
        this.clock = clock;
        this.random = random;
    }

    /** What identifies a request for its key: SHA-256 of its method, path and body bytes (hex). */
    public static String fingerprint(String method, String path, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Looks the key up and, when it is free, claims it for this call. */
    public Claim claim(Caller caller, IdempotencyKey key, String fingerprint) {
        Instant real = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant now = real.plus(caller.clockOffset()).truncatedTo(ChronoUnit.MICROS);
        // Waiting calls poll with reads; only a free key opens a write.
        Optional<Claim> known = unitOfWork.read(tx -> store.find(tx, caller.workspaceId(), caller.userId(), key))
                .flatMap(found -> decide(found, fingerprint, now, real));
        if (known.isPresent()) {
            return known.get();
        }
        String token = HexFormat.of().formatHex(bytes(16));
        Outcome<Claim> claimed = unitOfWork.write(tx -> {
            Optional<IdempotencyRecord> found = store.find(tx, caller.workspaceId(), caller.userId(), key);
            if (found.isEmpty()) {
                store.insert(tx, new IdempotencyRecord(0, caller.workspaceId(), caller.userId(), key, fingerprint, token,
                        Optional.empty(), Optional.empty(), now, real, false));
                return Outcome.ok(new Claim.Execute(token));
            }
            Optional<Claim> decided = decide(found.get(), fingerprint, now, real);
            if (decided.isPresent()) {
                return Outcome.ok(decided.get());
            }
            return Outcome.ok(store.reclaim(tx, found.get(), token, fingerprint, now, real)
                    ? new Claim.Execute(token) : new Claim.Busy());
        });
        // The write fails only when a concurrent call inserted the key first: it runs, this one waits.
        return claimed instanceof Outcome.Ok<Claim> ok ? ok.value() : new Claim.Busy();
    }

    /** Keeps the answer of the call that owns the key. */
    public void complete(Caller caller, IdempotencyKey key, String token, StoredAnswer answer) {
        boolean keep = answer.body().length <= MAX_ANSWER_BYTES;
        finish(caller, key, token, answer.status(), keep ? Optional.of(answer) : Optional.empty());
    }

    /** Marks the key's call done without keeping its answer (the answer carried a secret). */
    public void completeWithheld(Caller caller, IdempotencyKey key, String token, int status) {
        finish(caller, key, token, status, Optional.empty());
    }

    /**
     * Frees the key: the call failed in a way a repetition may retry (5xx, a rate limit), unless it
     * committed a change before failing: then the key is kept as done with {@code status}, so that a
     * repetition is told instead of carried out again.
     */
    public void release(Caller caller, IdempotencyKey key, String token, int status) {
        unitOfWork.write(tx -> {
            store.release(tx, caller.workspaceId(), caller.userId(), key, token, status);
            return Outcome.ok(null);
        });
    }

    /**
     * What each write transaction of the key's call commits with it ({@link io.coffer.common.WriteScope}):
     * the mark that the call changed something, so a claim left without an answer is never run again.
     */
    public java.util.function.Consumer<io.coffer.common.Tx> applied(Caller caller, IdempotencyKey key, String token) {
        return tx -> store.markApplied(tx, caller.workspaceId(), caller.userId(), key, token);
    }

    /** Deletes keys past their lifetime, a bounded batch per pass; run by the background job. */
    public int purge() {
        // A key's 24 hours of workspace clock are over once 24 hours of server time have passed since
        // its claim (workspace clocks never run slower); a minute more covers the two readings.
        Instant before = clock.instant().minus(LIFETIME).minus(Duration.ofMinutes(1));
        if (!unitOfWork.read(tx -> store.purgeDue(tx, before))) {
            return 0;
        }
        return unitOfWork.write(tx -> Outcome.ok(store.purge(tx, before, PURGE_BATCH))).orElseThrow();
    }

    private void finish(Caller caller, IdempotencyKey key, String token, int status, Optional<StoredAnswer> answer) {
        unitOfWork.write(tx -> Outcome.ok(store.complete(tx, caller.workspaceId(), caller.userId(), key, token, status,
                answer)));
    }

    /** What a stored key means for a call, or empty when the call may take it. */
    private static Optional<Claim> decide(IdempotencyRecord found, String fingerprint, Instant now, Instant real) {
        if (!found.createdAt().plus(LIFETIME).isAfter(now)) {
            return Optional.empty();
        }
        if (found.status().isEmpty() && !found.claimedAt().plus(STALE_CLAIM).isAfter(real)) {
            // A call that vanished after committing its change must not run twice; one that committed nothing may.
            return found.applied() ? Optional.of(found.bodyHash().equals(fingerprint) ? new Claim.Lost() : new Claim.Mismatch())
                    : Optional.empty();
        }
        if (!found.bodyHash().equals(fingerprint)) {
            return Optional.of(new Claim.Mismatch());
        }
        if (found.status().isEmpty()) {
            return Optional.of(new Claim.Busy());
        }
        return Optional.of(found.answer().<Claim>map(Claim.Replay::new)
                .orElseGet(() -> new Claim.Withheld(found.status().get())));
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
