package io.coffer.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Coffer reads from its environment, validated once at startup.
 *
 * @param httpHost the address to bind ({@code COFFER_HTTP_HOST}, default 127.0.0.1)
 * @param httpPort the port to bind ({@code COFFER_HTTP_PORT}, default 5000; 0 picks a free one)
 * @param dataDir where the embedded database lives ({@code COFFER_DATA_DIR}, default ./data)
 * @param dbUrl a {@code jdbc:postgresql://} URL switching storage to PostgreSQL ({@code COFFER_DB_URL})
 * @param dbUser the PostgreSQL user ({@code COFFER_DB_USER})
 * @param dbPassword the PostgreSQL password ({@code COFFER_DB_PASSWORD})
 * @param dbPoolSize connections in the pool ({@code COFFER_DB_POOL_SIZE}, default 64 for the embedded H2,
 *     whose connections are cheap in-process sessions, and 16 for PostgreSQL)
 * @param sandbox whether the sandbox API is enabled ({@code COFFER_SANDBOX}, default true)
 * @param sandboxToken the token sandbox calls must carry on a non-loopback bind ({@code COFFER_SANDBOX_TOKEN})
 * @param maxBodyBytes the largest request body accepted ({@code COFFER_MAX_BODY_BYTES}, default 1 MiB)
 * @param refreshTokenSeconds refresh-token lifetime on the workspace clock ({@code COFFER_REFRESH_TOKEN_SECONDS}, default 1800)
 * @param authCacheMillis how long an authenticated identity is reused before it is read again
 *     ({@code COFFER_AUTH_CACHE_MILLIS}, default 1000; 0 disables): the longest another instance
 *     takes to notice a moved clock
 * @param masterKeyFile the file holding the master key that seals workspace keys at rest
 *     ({@code COFFER_MASTER_KEY_FILE}, default ./master.key; created, readable by its owner only, on
 *     first start when absent)
 * @param accessLog whether each request is logged at INFO ({@code COFFER_ACCESS_LOG}, default true)
 * @param bodyBudgetBytes the memory request bodies in flight may take together
 *     ({@code COFFER_BODY_BUDGET_BYTES}, default a quarter of the JVM's maximum heap)
 * @param bodyTimeoutSeconds how long a request body may take to arrive before its connection is
 *     closed ({@code COFFER_BODY_TIMEOUT_SECONDS}, default 30)
 * @param rateLimitTransactionRequestsPerHour successful {@code CREATE_TRANSACTION} requests per user and
 *     hour ({@code COFFER_RATE_LIMIT_TRANSACTION_REQUESTS_PER_HOUR}, default 50)
 * @param rateLimitOtherPostsPerHour other successful POSTs per user and hour
 *     ({@code COFFER_RATE_LIMIT_OTHER_POSTS_PER_HOUR}, default 600)
 * @param rateLimitPendingRequests open requests a workspace may hold ({@code COFFER_RATE_LIMIT_PENDING_REQUESTS},
 *     default 100)
 * @param rateLimitReadsPerMinute reads (GET, HEAD) per user and minute on each instance, live workspaces
 *     only ({@code COFFER_RATE_LIMIT_READS_PER_MINUTE}, default 6000)
 * @param events how events are recorded and webhooks posted ({@link EventSettings})
 * @param compliance the lists compliance answers from ({@link ComplianceSettings})
 * @param metrics the Prometheus endpoint on its own port ({@link MetricsSettings})
 * @param dbWriterQueue writes that may wait for the embedded database's single writer
 *     ({@code COFFER_DB_WRITER_QUEUE}, default 4096); beyond it a write is answered 503 with {@code Retry-After}
 * @param dbPoolWaitMillis how long a request waits for a pooled connection
 *     ({@code COFFER_DB_POOL_WAIT_MILLIS}, default 5000) before it is answered 503 with {@code Retry-After}
 * @param maxConnections HTTP connections open at once ({@code COFFER_MAX_CONNECTIONS}, default 10,000);
 *     more wait in the kernel's accept backlog until one closes
 * @param headTimeoutSeconds how long a connection may take to send a request line (counted from its
 *     opening or its previous request) and then its headers before it is closed
 *     ({@code COFFER_HEAD_TIMEOUT_SECONDS}, default 30): idle or stalled connections cannot hold the bound
 */
public record ServerConfig(
        String httpHost,
        int httpPort,
        Path dataDir,
        Optional<String> dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        int dbPoolSize,
        boolean sandbox,
        Optional<String> sandboxToken,
        int maxBodyBytes,
        long refreshTokenSeconds,
        long authCacheMillis,
        Path masterKeyFile,
        boolean accessLog,
        long bodyBudgetBytes,
        int bodyTimeoutSeconds,
        int rateLimitTransactionRequestsPerHour,
        int rateLimitOtherPostsPerHour,
        int rateLimitPendingRequests,
        int rateLimitReadsPerMinute,
        EventSettings events,
        ComplianceSettings compliance,
        MetricsSettings metrics,
        int dbWriterQueue,
        int dbPoolWaitMillis,
        int maxConnections,
        int headTimeoutSeconds) {

    /**
     * Events and webhooks.
     *
     * @param outbox whether changes record events at all ({@code COFFER_EVENTS}, default true; off only
     *     to measure what the outbox costs: no webhook and no {@code GET /events} then)
     * @param allowPrivateWebhooks whether webhooks may post to loopback and private addresses in every
     *     workspace ({@code COFFER_WEBHOOK_ALLOW_PRIVATE}, default false: only sandbox workspaces, and
     *     only to loopback)
     * @param webhookTimeoutSeconds how long one post may take ({@code COFFER_WEBHOOK_TIMEOUT_SECONDS}, default 10)
     * @param webhookConcurrency posts in flight at once per instance ({@code COFFER_WEBHOOK_CONCURRENCY}, default 16)
     * @param webhookFirstRetryMillis the wait before the second try, doubling at each try up to 30 minutes
     *     ({@code COFFER_WEBHOOK_FIRST_RETRY_MILLIS}, default 5000; tests shorten it)
     */
    public record EventSettings(boolean outbox, boolean allowPrivateWebhooks, int webhookTimeoutSeconds,
                                int webhookConcurrency, int webhookFirstRetryMillis) {
    }


    /**
     * The compliance lists; both files are read and checked at startup (a malformed one stops it).
     *
     * @param sanctionsFile a newer sanctions list replacing the shipped OFAC snapshot
     *     ({@code COFFER_SANCTIONS_FILE}: {@code <ASSET> <address>} lines; default: the snapshot)
     * @param highRiskFile the operator's high-risk addresses ({@code COFFER_HIGH_RISK_ADDRESSES_FILE}:
     *     {@code <address> <category> <reason>} lines; default: none)
     */
    public record ComplianceSettings(Optional<Path> sanctionsFile, Optional<Path> highRiskFile) {
    }

    /**
     * {@code GET /metrics} (docs/metrics.md), served on a management port of its own, never on the API's.
     *
     * @param enabled whether metrics are recorded and served ({@code COFFER_METRICS}, default off)
     * @param host the address the management port binds ({@code COFFER_METRICS_HOST}, default 127.0.0.1:
     *     the port asks for no credentials, so only this machine reaches it unless the operator says otherwise)
     * @param port the management port ({@code COFFER_METRICS_PORT}, default 9464; 0 picks a free one)
     */
    public record MetricsSettings(boolean enabled, String host, int port) {

        /** Whether the management port binds only to the loopback interface. */
        public boolean loopbackOnly() {
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("COFFER_METRICS_HOST is not a resolvable address: " + host, e);
            }
        }
    }

    /** The largest value a rate limit may be configured to. */
    private static final int MAX_RATE_LIMIT = 1_000_000;

    /** Reads the configuration from environment variables; throws with a clear message on bad values. */
    public static ServerConfig fromEnvironment(Map<String, String> env) {
        var config = new ServerConfig(
                env.getOrDefault("COFFER_HTTP_HOST", "127.0.0.1"),
                intValue(env, "COFFER_HTTP_PORT", 5000, 0, 65535),
                Path.of(env.getOrDefault("COFFER_DATA_DIR", "./data")),
                optional(env, "COFFER_DB_URL"),
                optional(env, "COFFER_DB_USER"),
                optional(env, "COFFER_DB_PASSWORD"),
                intValue(env, "COFFER_DB_POOL_SIZE", optional(env, "COFFER_DB_URL").isPresent() ? 16 : 64, 1, 512),
                boolValue(env, "COFFER_SANDBOX", true),
                optional(env, "COFFER_SANDBOX_TOKEN"),
                intValue(env, "COFFER_MAX_BODY_BYTES", 1 << 20, 1024, 64 << 20),
                intValue(env, "COFFER_REFRESH_TOKEN_SECONDS", 1800, 60, 30 * 24 * 3600),
                intValue(env, "COFFER_AUTH_CACHE_MILLIS", 1000, 0, 60_000),
                Path.of(env.getOrDefault("COFFER_MASTER_KEY_FILE", "./master.key")),
                boolValue(env, "COFFER_ACCESS_LOG", true),
                longValue(env, "COFFER_BODY_BUDGET_BYTES", Runtime.getRuntime().maxMemory() / 4, 1 << 20, 1L << 40),
                intValue(env, "COFFER_BODY_TIMEOUT_SECONDS", 30, 1, 3600),
                intValue(env, "COFFER_RATE_LIMIT_TRANSACTION_REQUESTS_PER_HOUR", 50, 1, MAX_RATE_LIMIT),
                intValue(env, "COFFER_RATE_LIMIT_OTHER_POSTS_PER_HOUR", 600, 1, MAX_RATE_LIMIT),
                intValue(env, "COFFER_RATE_LIMIT_PENDING_REQUESTS", 100, 1, MAX_RATE_LIMIT),
                intValue(env, "COFFER_RATE_LIMIT_READS_PER_MINUTE", 6000, 1, 10_000_000),
                new EventSettings(boolValue(env, "COFFER_EVENTS", true),
                        boolValue(env, "COFFER_WEBHOOK_ALLOW_PRIVATE", false),
                        intValue(env, "COFFER_WEBHOOK_TIMEOUT_SECONDS", 10, 1, 120),
                        intValue(env, "COFFER_WEBHOOK_CONCURRENCY", 16, 1, 256),
                        intValue(env, "COFFER_WEBHOOK_FIRST_RETRY_MILLIS", 5000, 10, 600_000)),
                new ComplianceSettings(optional(env, "COFFER_SANCTIONS_FILE").map(Path::of),
                        optional(env, "COFFER_HIGH_RISK_ADDRESSES_FILE").map(Path::of)),
                new MetricsSettings(boolValue(env, "COFFER_METRICS", false),
                        env.getOrDefault("COFFER_METRICS_HOST", "127.0.0.1"),
                        intValue(env, "COFFER_METRICS_PORT", 9464, 0, 65535)),
                intValue(env, "COFFER_DB_WRITER_QUEUE", 4096, 1, 1_000_000),
                // HikariCP waits at least 250 ms.
                intValue(env, "COFFER_DB_POOL_WAIT_MILLIS", 5000, 250, 600_000),
                intValue(env, "COFFER_MAX_CONNECTIONS", 10_000, 1, 1_000_000),
                intValue(env, "COFFER_HEAD_TIMEOUT_SECONDS", 30, 1, 3600));
        config.validate();
        return config;
    }

    /** Whether the server binds only to the loopback interface. */
    public boolean loopbackOnly() {
        try {
            return InetAddress.getByName(httpHost).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("COFFER_HTTP_HOST is not a resolvable address: " + httpHost, e);
        }
    }

    public boolean usesPostgres() {
        return dbUrl.isPresent();
    }

    private void validate() {
        dbUrl.ifPresent(url -> {
            if (!url.startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException("COFFER_DB_URL must be a jdbc:postgresql:// URL");
            }
        });
        if (metrics.enabled()) {
            metrics.loopbackOnly();
            if (metrics.port() != 0 && metrics.port() == httpPort) {
                throw new IllegalArgumentException("COFFER_METRICS_PORT must differ from COFFER_HTTP_PORT: metrics are"
                        + " served on a management port of their own");
            }
        }
        if (sandbox && !loopbackOnly() && sandboxToken.filter(t -> t.length() >= 16).isEmpty()) {
            throw new IllegalArgumentException(
                    "sandbox mode on a non-loopback address needs COFFER_SANDBOX_TOKEN (16+ characters)");
        }
    }

    private static Optional<String> optional(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    private static int intValue(Map<String, String> env, String name, int fallback, int min, int max) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got: " + raw, e);
        }
    }

    private static long longValue(Map<String, String> env, String name, long fallback, long min, long max) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got: " + raw, e);
        }
    }

    private static boolean boolValue(Map<String, String> env, String name, boolean fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        return switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false (or on/off), got: " + raw);
        };
    }
}
