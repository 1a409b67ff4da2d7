package io.coffer.config;

import java.util.List;

/**
 * Every queue, cache, pool and growing store of the server in one list, each with its bound, what
 * happens at the bound and why: {@code docs/bounds.md} is generated from it, and {@code BoundsTest}
 * fails when a field holding a new concurrent map, queue, executor or semaphore appears in the main
 * code without an entry here, so the list cannot fall behind the code.
 */
public final class Bounds {

    /**
     * One bounded thing.
     *
     * @param owner the class that holds it (fully qualified)
     * @param name the field (or, for a store in the database, the table) that holds it; it appears in the owner's source
     * @param bound its bound, with the setting or constant that sets it
     * @param atBound what happens when the bound is reached
     * @param reason why this bound (and why this behaviour at it)
     */
    public record Bound(String owner, String name, String bound, String atBound, String reason) {
    }

    /** The list; kept in the order of the request's path: connections, bodies, authentication, work, storage, background. */
    public static final List<Bound> ALL = List.of(
            new Bound("io.coffer.CofferServer", "webServer",
                    "COFFER_MAX_CONNECTIONS open connections (default 10,000); a connection that sends no request line within "
                            + "COFFER_HEAD_TIMEOUT_SECONDS (default 30) of its previous request, or no headers within it of its request "
                            + "line, is closed; requests in flight are bounded by the connections (one at a time on each); the "
                            + "metrics port takes 16 connections, with the same deadlines",
                    "a new connection waits in the kernel's accept backlog until one closes; past the backlog the kernel refuses it",
                    "each connection holds a virtual thread and its read buffers; what a request may hold beyond that is "
                            + "bounded further down: its body by the body budget, its database work by the pool and the writer queue"),
            new Bound("io.coffer.http.HeadDeadline", "RUNNING",
                    "one running deadline per connection thread, between its request line and its headers",
                    "none needed: removed when the headers arrive or the next request line replaces it",
                    "a request line followed by no headers must not hold a connection for ever (slowloris)"),
            new Bound("io.coffer.http.BodyBudget", "kibibytes",
                    "COFFER_BODY_BUDGET_BYTES (default a quarter of the heap), taken as bytes arrive, 16 times a body's size while it is handled",
                    "a body that finds no room within 1 second is answered 503 with Retry-After",
                    "request bodies are the one input whose memory a client chooses; together they must not exhaust the heap"),
            new Bound("io.coffer.user.IdentityCache", "entries",
                    "100,000 identities (MAX_ENTRIES), each kept COFFER_AUTH_CACHE_MILLIS (default 1,000 ms)",
                    "emptied when full; an entry older than its time is read again",
                    "one identity query per request is the cost it saves; its time is also the longest another instance may "
                            + "serve a stale security decision (a suspension, an ended session, a moved clock)"),
            new Bound("io.coffer.transaction.BalanceCache", "entries",
                    "100,000 accounts (MAX_ENTRIES), only on the embedded database, where this process is the sole writer",
                    "emptied when full; an account is forgotten when a posting that changes it commits",
                    "GET /accounts/{id}/balances reads no row for an account remembered; over PostgreSQL other instances "
                            + "write, so nothing is remembered there"),
            new Bound("io.coffer.user.AccessTokens", "VERIFIED",
                    "10,000 tokens (MAX_VERIFIED), each at most 2,048 characters (MAX_TOKEN_LENGTH)",
                    "emptied when full, refilled by the tokens in use",
                    "only tokens whose signature verified get in, so unauthenticated input cannot fill it; under 20 MB"),
            new Bound("io.coffer.user.AccessTokens", "MACS",
                    "10,000 keyed HMAC prototypes (MAX_MACS), one per workspace token key",
                    "emptied when full",
                    "keying an HMAC costs more than the MAC itself; one per live workspace is enough"),
            new Bound("io.coffer.limits.RateLimiter", "deferred",
                    "10,000 rate-limit units (MAX_DEFERRED) whose give-back an overloaded database refused; 64 are given back "
                            + "by each admission's transaction",
                    "a unit past the bound stays spent until its hour window ends",
                    "a POST answered 503 must not spend a unit of its user's hourly quota, even when the give-back meets the same overload"),
            new Bound("io.coffer.limits.ReadLimiter", "counts",
                    "10,000 (workspace, user) counts (MAX_TRACKED)",
                    "emptied when full: counts start again",
                    "the bound protects memory, not the exactness of a generous per-minute read limit"),
            new Bound("io.coffer.workspace.WorkspaceService", "keyCache",
                    "10,000 workspaces' opened keys (MAX_CACHED_KEYS)",
                    "emptied when full; keys are opened again on next use",
                    "keys never change, and opening them (AES-GCM under the master key) on every signature is wasted work"),
            new Bound("io.coffer.common.WriteScope", "CURRENT",
                    "one idempotency mark per request thread, while its handler runs",
                    "none needed: removed when the handler returns",
                    "a keyed call's writes must commit the mark of its key with them, whichever thread commits them"),
            new Bound("io.coffer.db.GroupCommitWriter", "queue",
                    "COFFER_DB_WRITER_QUEUE writes waiting (default 4,096), taken 64 to a commit",
                    "the write is answered 503 with Retry-After before its transaction starts: nothing of it is written",
                    "each waiting write holds a request and its virtual thread; at a few thousand commits a second the "
                            + "default is about a second of work, more than that is better refused than queued"),
            new Bound("io.coffer.db.Database", "dataSource",
                    "COFFER_DB_POOL_SIZE connections (default 64 on H2, 16 on PostgreSQL); a caller waits at most "
                            + "COFFER_DB_POOL_WAIT_MILLIS for one (default 5,000)",
                    "the read or write is answered 503 with Retry-After; a write refused this way never started its transaction",
                    "an exhausted pool otherwise makes every request wait 30 s and then fail with a 500"),
            new Bound("io.coffer.http.Json", "WRITERS",
                    "one JSON writer per class written (ClassValue)",
                    "none needed: the classes are Coffer's own answer types",
                    "looking a writer up by class on every answer costs more than writing a small answer"),
            new Bound("io.coffer.system.http.DocsRoutes", "loaded",
                    "the fixed list of files the documentation page serves (FILES)",
                    "a name not in the list is a 404 and is never loaded",
                    "the Swagger UI files are read from the jar once"),
            new Bound("io.coffer.signing.Eip712", "typeHashes",
                    "one hash per type of the one message being encoded, at most 64 types (MAX_TYPES)",
                    "a message with more types is refused with 400 before it is encoded",
                    "lives as long as one EIP-712 encoding"),
            new Bound("io.coffer.sandbox.http.SandboxRoutes", "clockListeners",
                    "the listeners the composition root registers at start (staking rewards accrue when a sandbox clock moves)",
                    "none: nothing registers after start",
                    "a moved sandbox clock must reach the work that is due on it"),
            new Bound("io.coffer.http.Api", "routes",
                    "the routes registered at start",
                    "none: nothing registers after start",
                    "the route table, for HEAD beside GET and the 404/405 fallback"),
            new Bound("io.coffer.db.Search", "params",
                    "the filters of one search, each from a bounded list of query parameters",
                    "none needed",
                    "lives as long as one query"),
            new Bound("io.coffer.limits.db.JdbcIdempotency", "idempotency_key",
                    "a key is kept 24 hours of the workspace clock (IdempotencyService.LIFETIME), its answer at most 2 MiB (MAX_ANSWER_BYTES; a larger one is kept without its body)",
                    "deleted by the background purge, 1,000 a second",
                    "a replay after a day is a new request; the answers are the table's bulk"),
            new Bound("io.coffer.limits.db.JdbcRateLimits", "rate_window",
                    "one row per user, kind and hour window of the workspace clock, purgeable an hour after its last use (server clock)",
                    "deleted by the background purge, 1,000 a second",
                    "a window that is over counts nothing"),
            new Bound("io.coffer.user.db.JdbcRefreshTokens", "refresh_token",
                    "one row per token issued, deleted a week after it expired (AuthService.REFRESH_RETENTION), so about "
                            + "the logins and refreshes of COFFER_REFRESH_TOKEN_SECONDS plus a week",
                    "deleted by the background purge, 1,000 a second",
                    "a used token is kept past its expiry so that a late replay of a copy still ends its user's "
                            + "sessions; a week later it is refused as unknown, which is as safe"),
            new Bound("io.coffer.request.db.JdbcRequests", "request_challenge",
                    "one challenge per request, user and kind: a new one replaces the old",
                    "replaced, never accumulated",
                    "a challenge is single-use and only the latest one may be signed"),
            new Bound("io.coffer.event.Dispatcher", "slots",
                    "COFFER_WEBHOOK_CONCURRENCY posts in flight per instance (default 16)",
                    "due deliveries stay in the database until a slot is free; only as many are claimed as slots are free",
                    "a slow receiver must not hold every thread or socket of the instance"),
            new Bound("io.coffer.event.Dispatcher", "posts",
                    "one virtual thread per post in flight, at most the free slots",
                    "none: a post is started only after it took a slot",
                    "the executor itself has no queue that could grow"),
            new Bound("io.coffer.event.Dispatcher", "finished",
                    "at most one permit per post in flight; drained whenever the loop wakes",
                    "none needed",
                    "it only wakes the dispatch loop early when a post finished"),
            new Bound("io.coffer.event.db.JdbcDeliveries", "event_delivery",
                    "100 tries per delivery (Dispatcher.MAX_TRIES), the wait doubling from COFFER_WEBHOOK_FIRST_RETRY_MILLIS to 30 minutes",
                    "a delivery that failed 100 times is marked failed and never claimed again",
                    "a receiver that is gone for good must not be retried for ever"),
            new Bound("io.coffer.metrics.RequestMeters", "timers",
                    "2,048 request series (MAX_SERIES) of method, route template and status class, plus one overflow "
                            + "series per method and class",
                    "a request of a new series past the bound is counted in the overflow series",
                    "labels come only from registered templates, never a client's path; each series is a dozen lines in "
                            + "every scrape (COFFER_METRICS, docs/metrics.md)"),
            new Bound("io.coffer.Background", "executor",
                    "one thread, six fixed tasks each run with a fixed delay (never two runs of one task at once)",
                    "a slow run delays the next one of its task; nothing queues",
                    "background work is database work: one at a time per instance is enough"),
            new Bound("io.coffer.BackgroundLogHandler", "queue",
                    "65,536 log records (MAX_QUEUED), about a second of requests at full speed",
                    "a record is dropped and counted; the count is written when there is room again",
                    "logging must neither block a request nor grow memory"));

    private Bounds() {
    }
}
