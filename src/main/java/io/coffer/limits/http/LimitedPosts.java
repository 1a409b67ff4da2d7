package io.coffer.limits.http;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.http.AnswerRecorder;
import io.coffer.http.ApiException;
import io.coffer.http.Bodies;
import io.coffer.http.CallerFilter;
import io.coffer.http.CallerHandler;
import io.coffer.http.ErrorBody;
import io.coffer.http.ErrorHandlers;
import io.coffer.http.Json;
import io.coffer.http.Responses;
import io.coffer.limits.Admission;
import io.coffer.limits.Claim;
import io.coffer.limits.IdempotencyKey;
import io.coffer.limits.IdempotencyService;
import io.coffer.limits.LimitKind;
import io.coffer.limits.Quota;
import io.coffer.limits.RateLimiter;
import io.coffer.limits.StoredAnswer;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;

/**
 * Wraps every authenticated POST: first its {@code Idempotency-Key} (a repetition replays the first
 * answer and runs nothing), then its hourly rate limit (a unit taken before the call, given back
 * unless it answers 2xx). Refusals raised by the handler are answered here, so that every answer,
 * errors included, goes out through this wrapper and can be counted and kept.
 */
public final class LimitedPosts implements CallerFilter {

    public static final HeaderName IDEMPOTENCY_KEY = HeaderNames.create("Idempotency-Key");
    /** Marks an answer replayed from an idempotency key. */
    public static final HeaderName REPLAYED = HeaderNames.create("Idempotent-Replayed");
    /** How many times a repetition looks again for the answer of a call still running (about 30 s). */
    private static final int WAIT_POLLS = 300;
    private static final long MAX_POLL_MILLIS = 100;

    private final RateLimiter limiter;
    private final IdempotencyService keys;
    private final Bodies bodies;

    public LimitedPosts(RateLimiter limiter, IdempotencyService keys, Bodies bodies) {
        this.limiter = limiter;
        this.keys = keys;
        this.bodies = bodies;
    }

    /** Open POSTs (logins, the sandbox bootstrap) have no caller to scope a key: it is only checked. */
    @Override
    public void checkOpen(ServerRequest req) {
        key(req);
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res, Caller caller, CallerHandler next) throws Exception {
        Optional<IdempotencyKey> key = key(req);
        if (key.isEmpty()) {
            limited(req, res, caller, next, Optional.empty());
            return;
        }
        String fingerprint = IdempotencyService.fingerprint(req.prologue().method().text(), req.path().path(),
                bodies.raw(req));
        switch (awaitTurn(caller, key.get(), fingerprint)) {
            case Claim.Execute execute -> once(req, res, caller, next, key.get(), execute.token());
            case Claim.Replay replay -> replay(req, res, caller, replay.answer());
            case Claim.Withheld withheld -> withheld(req, res, caller, withheld);
            case Claim.Lost lost -> {
                quotaHeaders(req, res, caller);
                Responses.error(res, ErrorBody.conflict("the request with this Idempotency-Key was already carried"
                        + " out, but its server stopped before its answer was kept: it is not run again; read the"
                        + " result with a GET, and use a new key for a new request"));
            }
            case Claim.Mismatch mismatch -> Responses.error(res, ErrorBody.badRequest("this Idempotency-Key was"
                    + " already used with a different request (another body or path) in the last 24 hours;"
                    + " use a new key for a new request"));
            case Claim.Busy busy -> {
                res.header(HeaderNames.RETRY_AFTER, "1");
                Responses.error(res, ErrorBody.conflict("a request with this Idempotency-Key is still being"
                        + " processed; retry it later to get its answer"));
            }
        }
    }

    private void withheld(ServerRequest req, ServerResponse res, Caller caller, Claim.Withheld withheld) {
        quotaHeaders(req, res, caller);
        Responses.error(res, ErrorBody.conflict("the request with this"
                    + " Idempotency-Key was already done (it answered " + withheld.status() + "), but its answer"
                    + " carried a secret or exceeded " + IdempotencyService.MAX_ANSWER_BYTES
                    + " bytes and was not kept: read the result with a GET"));
    }

    /** The first call with its key: run it, then keep its answer, or free the key for a retry. */
    private void once(ServerRequest req, ServerResponse res, Caller caller, CallerHandler next, IdempotencyKey key,
                      String token) throws Exception {
        AnswerRecorder recorder = AnswerRecorder.attach(res, IdempotencyService.MAX_ANSWER_BYTES);
        try {
            limited(req, res, caller, next, Optional.of(keys.applied(caller, key, token)));
        } catch (Throwable e) {
            // A 5xx (a bug, the database, an overload): nothing is promised, a retry may run it, unless the
            // call committed a change first. A release refused by the same trouble must not hide it (the
            // claim then lapses by itself).
            try {
                keys.release(caller, key, token, 500);
            } catch (RuntimeException releaseFailed) {
                e.addSuppressed(releaseFailed);
            }
            throw e;
        }
        int status = recorder.status();
        if (!kept(status)) {
            // Answers that say "try again later" are not the request's answer.
            keys.release(caller, key, token, status);
        } else if (recorder.secret() && success(status)) {
            // A key or token is never stored in plain text: the call is remembered as done, its answer not.
            // (A refusal carries no secret, whatever its headers say: it is kept and replayed.)
            keys.completeWithheld(caller, key, token, status);
        } else {
            Optional<byte[]> body = recorder.body();
            if (body.isPresent()) {
                keys.complete(caller, key, token, new StoredAnswer(status, recorder.contentType(), body.get()));
            } else {
                keys.completeWithheld(caller, key, token, status);
            }
        }
    }

    private void replay(ServerRequest req, ServerResponse res, Caller caller, StoredAnswer answer) {
        quotaHeaders(req, res, caller);
        res.header(REPLAYED, "true");
        res.status(Status.create(answer.status()));
        res.header(HeaderNames.CONTENT_TYPE, answer.contentType());
        res.send(answer.body());
    }

    /** The caller's quota headers, without taking anything, on answers that did not run the call. */
    private void quotaHeaders(ServerRequest req, ServerResponse res, Caller caller) {
        try {
            kind(req).flatMap(kind -> limiter.peek(caller, kind)).ifPresent(quota -> RateLimitHeaders.set(res, quota));
        } catch (ApiException badBody) {
            // The first answer was this refusal; it is answered as it was.
        }
    }

    private Claim awaitTurn(Caller caller, IdempotencyKey key, String fingerprint) throws InterruptedException {
        for (int poll = 1; ; poll++) {
            Claim claim = keys.claim(caller, key, fingerprint);
            if (!(claim instanceof Claim.Busy) || poll >= WAIT_POLLS) {
                return claim;
            }
            Thread.sleep(Math.min(MAX_POLL_MILLIS, 10L * poll));
        }
    }

    /**
     * Runs the call under its rate limit, answering refusals here.
     *
     * @param applied with an idempotency key, the mark its call's writes commit with them; its answer
     *     will be kept under the key: a kept refusal keeps its
     *     unit too, so the rows keys leave behind are bounded by the hourly limit like successes
     */
    private void limited(ServerRequest req, ServerResponse res, Caller caller, CallerHandler next,
                         Optional<java.util.function.Consumer<io.coffer.common.Tx>> applied) throws Exception {
        boolean keyed = applied.isPresent();
        Optional<LimitKind> kind;
        try {
            kind = kind(req);
        } catch (ApiException refused) {
            ErrorHandlers.answer(res, refused.body());
            return;
        }
        Admission admission = kind.isPresent() ? limiter.admit(caller, kind.get()) : new Admission.Unlimited();
        switch (admission) {
            case Admission.Unlimited unlimited -> answering(req, res, caller, next, applied);
            case Admission.Refused refused -> {
                RateLimitHeaders.set(res, refused.quota());
                Responses.error(res, ErrorBody.rateLimited("rate limit reached: at most " + refused.quota().limit() + " "
                        + describe(refused.kind()) + " per user and hour; the count starts again at "
                        + Json.format(refused.quota().reset()) + " (workspace clock), in "
                        + refused.quota().retryAfter().getSeconds() + " seconds"));
            }
            case Admission.Admitted admitted -> {
                RateLimitHeaders.set(res, admitted.quota());
                // Told when the answer is known: a failure gives its unit back, a 420 here is the pending limit.
                res.beforeSend(() -> {
                    int status = res.status().code();
                    if (status == 420) {
                        RateLimitHeaders.set(res, limiter.pendingQuota(caller, admitted.policy()));
                    } else if (!counts(status, keyed)) {
                        RateLimitHeaders.set(res, admitted.quota().givenBack());
                    }
                });
                boolean succeeded = false;
                try {
                    answering(req, res, caller, next, applied);
                    // Every handler answers (or throws); with a recorder attached isSent() lags, the status does not.
                    succeeded = counts(res.status().code(), keyed);
                } finally {
                    if (!succeeded) {
                        limiter.giveBack(admitted.ticket());
                    }
                }
            }
        }
    }

    private static void answering(ServerRequest req, ServerResponse res, Caller caller, CallerHandler next,
                                  Optional<java.util.function.Consumer<io.coffer.common.Tx>> applied) throws Exception {
        try {
            if (applied.isPresent()) {
                // Only the handler's own writes mark the key: the rate limit's are not the call's change.
                io.coffer.common.WriteScope.during(applied.get(), () -> next.handle(req, res, caller));
            } else {
                next.handle(req, res, caller);
            }
        } catch (ApiException refused) {
            ErrorHandlers.answer(res, refused.body());
        }
    }

    /**
     * Which hourly limit a POST counts against: transaction requests, or the others; the sandbox's
     * tools (deposits, blocks, the clock, these settings) count against none, so a test can always
     * move the clock past a reset.
     */
    private Optional<LimitKind> kind(ServerRequest req) {
        String path = req.path().path();
        if (path.startsWith("/sandbox/")) {
            return Optional.empty();
        }
        if (path.equals("/requests")) {
            Optional<String> type = bodies.object(req).optionalString("type");
            return Optional.of(type.filter("CREATE_TRANSACTION"::equals).isPresent() ? LimitKind.TRANSACTION_REQUESTS
                    : LimitKind.OTHER_POSTS);
        }
        return Optional.of(LimitKind.OTHER_POSTS);
    }

    private static String describe(LimitKind kind) {
        return switch (kind) {
            case TRANSACTION_REQUESTS -> "CREATE_TRANSACTION requests";
            case OTHER_POSTS -> "successful POST calls (other than transaction requests)";
        };
    }

    /** Whether an answer keeps the unit its call took: a success, or a refusal kept under a key. */
    private static boolean counts(int status, boolean keyed) {
        return success(status) || (keyed && kept(status));
    }

    /** Answers kept under an idempotency key: all but those that say "try again later". */
    private static boolean kept(int status) {
        return status < 500 && status != 420 && status != 409;
    }

    private static boolean success(int status) {
        return status >= 200 && status < 300;
    }

    /** The request's key, if it sent one; a malformed or repeated header is a 400. */
    private static Optional<IdempotencyKey> key(ServerRequest req) {
        if (!req.headers().contains(IDEMPOTENCY_KEY)) {
            return Optional.empty();
        }
        Header header = req.headers().get(IDEMPOTENCY_KEY);
        List<String> values = header.allValues();
        if (values.size() != 1) {
            throw ApiException.badRequest("send one Idempotency-Key header, not " + values.size());
        }
        return switch (IdempotencyKey.parse(values.get(0))) {
            case Outcome.Ok<IdempotencyKey> ok -> Optional.of(ok.value());
            case Outcome.Failed<IdempotencyKey> failed -> throw ApiException.badRequest(failed.problem().message());
        };
    }
}
