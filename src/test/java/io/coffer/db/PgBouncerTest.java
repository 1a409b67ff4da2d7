package io.coffer.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Engine;
import io.coffer.testing.Governed;
import io.coffer.testing.Governed.Approver;
import io.coffer.testing.Parallel;
import io.coffer.testing.PgBouncer;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerProcess;
import io.coffer.testing.TestServer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Coffer behind PgBouncer in transaction pooling mode (docs/scaling.md): migrations, writes, reads,
 * governed sends, idempotent retries and a concurrent load run through a PgBouncer that gives each
 * transaction whichever of its few server connections is free, with the driver's named server-side
 * statements turned off ({@code prepareThreshold=0}), which PgBouncer before 1.21 cannot carry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgBouncerTest {

    /** Server connections PgBouncer opens to the database: far fewer than Coffer's pool of 16. */
    private static final int SERVER_CONNECTIONS = 3;
    private static final String RECIPIENT = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    private static final BigInteger AMOUNT = BigInteger.valueOf(1_000_000);
    private static final BigInteger MAX_FEE = BigInteger.valueOf(21_000).multiply(BigInteger.valueOf(41_500_000_000L));
    private static final BigInteger FEE = BigInteger.valueOf(21_000).multiply(BigInteger.valueOf(21_500_000_000L));

    private String directUrl;
    private PgBouncer bouncer;
    private TestServer server;

    @BeforeAll
    void start() throws Exception {
        directUrl = Engine.POSTGRES.freshUrl();
        bouncer = PgBouncer.start(directUrl, Engine.POSTGRES.user(), Engine.POSTGRES.password(), SERVER_CONNECTIONS);
        try {
            // Coffer migrates the empty database at start, through PgBouncer like everything else.
            server = TestServer.start(Engine.POSTGRES, Map.of(
                    "COFFER_DB_URL", bouncer.jdbcUrl("prepareThreshold=0"),
                    "COFFER_DB_POOL_SIZE", "16"));
        } catch (RuntimeException e) {
            bouncer.close();
            throw e;
        }
    }

    @AfterAll
    void stop() throws InterruptedException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            bouncer.close();
        }
    }

    @Test
    void everyMigrationWasAppliedThroughPgBouncer() throws Exception {
        long shipped;
        try (Stream<Path> files = Files.list(Path.of("target", "classes", "db", "migration"))) {
            shipped = files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        try (Connection direct = direct();
             ResultSet rows = direct.createStatement().executeQuery(
                     "SELECT count(*), bool_and(success) FROM flyway_schema_history WHERE version IS NOT NULL")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(shipped).isPositive();
            assertThat(rows.getBoolean(2)).isTrue();
        }
        assertThat(bouncer.output()).contains("db=" + databaseName());
    }

    @Test
    void depositsBlocksAndBalancesAddUp() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        long account = Sandbox.account(ws.client(), "bitcoin").path("id").asLong();
        BigInteger sum = BigInteger.ZERO;
        // More than pgjdbc's default prepareThreshold (5) of each statement on each connection.
        for (int i = 1; i <= 20; i++) {
            Sandbox.deposit(ws.client(), account, Integer.toString(1000 * i));
            sum = sum.add(BigInteger.valueOf(1000L * i));
            assertThat(ws.client().get("/accounts/" + account + "/balances").text("mempool_in"))
                    .isEqualTo(sum.toString());
        }
        Sandbox.mine(ws.client(), "bitcoin", 6);
        JsonNode balances = ws.client().get("/accounts/" + account + "/balances").json();
        assertThat(balances.path("total").asText()).isEqualTo(sum.toString());
        assertThat(balances.path("mempool_in").asText()).isEqualTo("0");
        assertThat(ws.client().get("/transactions?type=RECEIVE").get("page_info").path("count").asInt())
                .isEqualTo(20);
        assertThat(ws.client().get("/accounts/" + account + "/balances/history").get("balances").size()).isPositive();
    }

    @Test
    void aGovernedSendIsSignedApprovedAndSettledOnce() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        Approver operator = Governed.operator(server, ws[0], admin.client());
        JsonNode account = Governed.account(admin.client(), "ethereum",
                List.of(Governed.step(1, admin), Governed.step(1, operator)));
        long accountId = account.path("id").asLong();
        BigInteger funded = BigInteger.TEN.pow(18);
        Sandbox.deposit(admin.client(), accountId, funded.toString());
        Sandbox.mine(admin.client(), "ethereum", 12);

        long requestId = admin.client().post("/requests", send(account)).id();
        assertThat(Governed.approve(admin, requestId).status()).isEqualTo(200);
        assertThat(admin.client().get("/requests/" + requestId).text("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(Governed.approve(operator, requestId).status()).isEqualTo(200);
        JsonNode request = admin.client().get("/requests/" + requestId).json();
        assertThat(request.path("status").asText()).isEqualTo("SUBMITTED");
        long transactionId = request.path("target_id").asLong();

        Sandbox.mine(admin.client(), "ethereum", 12);
        Sandbox.mine(admin.client(), "ethereum", 12);
        assertThat(admin.client().get("/transactions/" + transactionId).text("status")).isEqualTo("CONFIRMED");
        JsonNode balances = admin.client().get("/accounts/" + accountId + "/balances").json();
        assertThat(balances.path("available").asText()).isEqualTo(funded.subtract(AMOUNT).subtract(FEE).toString());
        assertThat(balances.path("pending").asText()).isEqualTo("0");
        assertThat(admin.client().get("/transactions?type=SEND").get("page_info").path("count").asInt()).isEqualTo(1);
    }

    @Test
    void aRetriedSendWithItsIdempotencyKeyRunsOnce() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        JsonNode account = Governed.account(admin.client(), "ethereum", List.of(Governed.step(1, admin)));
        Sandbox.deposit(admin.client(), account.path("id").asLong(), BigInteger.TEN.pow(18).toString());
        Sandbox.mine(admin.client(), "ethereum", 12);

        ApiClient keyed = admin.client().with("Idempotency-Key", "retry-after-failover");
        ApiResponse first = keyed.post("/requests", send(account));
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        for (int i = 0; i < 6; i++) {
            ApiResponse again = keyed.post("/requests", send(account));
            assertThat(again.raw()).isEqualTo(first.raw());
            assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        }
        assertThat(admin.client().get("/requests?status=PENDING_FIRST_APPROVAL").get("page_info").path("count").asInt())
                .isEqualTo(1);
    }

    @Test
    void aConcurrentLoadStaysExactOnAFewServerConnections() throws Exception {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        JsonNode account = Governed.account(admin.client(), "ethereum", List.of(Governed.step(1, admin)));
        long accountId = account.path("id").asLong();
        BigInteger each = AMOUNT.add(MAX_FEE);
        BigInteger funded = each.multiply(BigInteger.TEN);
        Sandbox.deposit(admin.client(), accountId, funded.toString());
        Sandbox.mine(admin.client(), "ethereum", 12);

        // 64 sends at once against funds for ten: the row locks hold across PgBouncer.
        List<ApiResponse> sends = Parallel.calls(64, i -> admin.client().post("/requests", send(account)));
        assertThat(sends).allSatisfy(answer -> assertThat(answer.status()).as(answer.raw()).isIn(200, 400));
        assertThat(sends.stream().filter(answer -> answer.status() == 200).count()).isEqualTo(10);
        JsonNode balances = admin.client().get("/accounts/" + accountId + "/balances").json();
        assertThat(balances.path("available").asText()).isEqualTo("0");
        assertThat(balances.path("pending").asText()).isEqualTo(funded.toString());

        // 64 deposits at once on one hot account and 64 spread over eight: every one counted once.
        long hot = Sandbox.account(admin.client(), "bitcoin").path("id").asLong();
        List<Long> spread = Stream.generate(() -> Sandbox.account(admin.client(), "bitcoin").path("id").asLong())
                .limit(8).toList();
        List<ApiResponse> deposits = Parallel.calls(128, i -> admin.client().post("/sandbox/accounts/"
                + (i % 2 == 0 ? hot : spread.get(i / 2 % 8)) + "/deposits", Map.of("amount", Integer.toString(100 + i))));
        assertThat(deposits).allSatisfy(answer -> assertThat(answer.status()).as(answer.raw()).isEqualTo(200));
        long hotSum = 0;
        long[] spreadSums = new long[8];
        for (int i = 0; i < 128; i++) {
            if (i % 2 == 0) {
                hotSum += 100 + i;
            } else {
                spreadSums[i / 2 % 8] += 100 + i;
            }
        }
        assertThat(admin.client().get("/accounts/" + hot + "/balances").text("mempool_in"))
                .isEqualTo(Long.toString(hotSum));
        for (int k = 0; k < 8; k++) {
            assertThat(admin.client().get("/accounts/" + spread.get(k) + "/balances").text("mempool_in"))
                    .isEqualTo(Long.toString(spreadSums[k]));
        }

        // The load shared PgBouncer's few server connections: the database never saw Coffer's 16.
        try (Connection direct = direct();
             PreparedStatement sessions = direct.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            sessions.setString(1, databaseName());
            try (ResultSet rows = sessions.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).isBetween(1, SERVER_CONNECTIONS);
            }
        }
    }

    /**
     * A failover seen from Coffer: the database endpoint goes away and comes back on the same
     * address. Meanwhile writes fail and write nothing (the first ones on stale pooled connections
     * with a 500, then 503 with {@code Retry-After} after the pool's wait); afterwards the pool
     * opens new connections by itself.
     */
    @Test
    void whileTheDatabaseIsAwayWritesAre503AndThePoolReconnectsWhenItIsBack() throws Exception {
        PgBouncer first = PgBouncer.start(Engine.POSTGRES.freshUrl(), Engine.POSTGRES.user(),
                Engine.POSTGRES.password(), 2);
        PgBouncer second = null;
        try (TestServer own = TestServer.start(Engine.POSTGRES, Map.of(
                "COFFER_DB_URL", first.jdbcUrl("prepareThreshold=0"),
                "COFFER_DB_POOL_WAIT_MILLIS", "1000",
                // Every request asks the database who its caller is: none is answered from memory.
                "COFFER_AUTH_CACHE_MILLIS", "0"))) {
            Sandbox.Workspace ws = Sandbox.workspace(own);
            long account = Sandbox.account(ws.client(), "bitcoin").path("id").asLong();
            Sandbox.deposit(ws.client(), account, "100");

            first.close();
            // A pooled connection used within HikariCP's last 500 ms is handed out unchecked: a request
            // that gets one whose server went away fails on it with SQLState 08006. That write never
            // reached a commit, so it runs again on another connection (JdbcUnitOfWork), and once the
            // pool has no live connection left the request waits for a new one and is answered 503:
            // never a 500, from the first request on.
            for (int i = 0; i < 3; i++) {
                ApiResponse refused = ws.client().post("/sandbox/accounts/" + account + "/deposits",
                        Map.of("amount", "200"));
                assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            }

            second = first.restarted();
            ServerProcess.await(Duration.ofSeconds(30), "Coffer to read through the restarted PgBouncer",
                    () -> ws.client().get("/accounts/" + account + "/balances").status() == 200);
            Sandbox.deposit(ws.client(), account, "300");
            assertThat(ws.client().get("/accounts/" + account + "/balances").text("mempool_in"))
                    .as("no refused deposit wrote anything").isEqualTo("400");
        } finally {
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    /**
     * Why the URL carries {@code prepareThreshold=0}: from the fifth execution of a statement on a
     * connection, pgjdbc names it on the server ({@code S_1}, ...). Behind transaction pooling, two
     * clients then meet on one server connection, where the second finds the first's name taken.
     * PgBouncer 1.21 and later track such statements when {@code max_prepared_statements} is set.
     */
    @Test
    void theDriversNamedStatementsNeedPrepareThresholdZeroBeforePgBouncer121() throws Exception {
        int[] version = PgBouncer.version();
        boolean tracksStatements = version[0] > 1 || version[1] >= 21;
        try (PgBouncer single = tracksStatements
                ? PgBouncer.start(directUrl, Engine.POSTGRES.user(), Engine.POSTGRES.password(), 1,
                        "max_prepared_statements = 100")
                : PgBouncer.start(directUrl, Engine.POSTGRES.user(), Engine.POSTGRES.password(), 1)) {
            assertThat(alternateStatements(single.jdbcUrl("prepareThreshold=0"))).isEqualTo(2 * 10);
            if (tracksStatements) {
                assertThat(alternateStatements(single.jdbcUrl(""))).isEqualTo(2 * 10);
            } else {
                assertThatThrownBy(() -> alternateStatements(single.jdbcUrl("")))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("42P05", "26000"));
            }
        }
    }

    /** Two connections run the same statement ten times each, in turns, in auto-commit as Coffer's reads do. */
    private int alternateStatements(String url) throws SQLException {
        int done = 0;
        try (Connection a = DriverManager.getConnection(url, Engine.POSTGRES.user(), Engine.POSTGRES.password());
             Connection b = DriverManager.getConnection(url, Engine.POSTGRES.user(), Engine.POSTGRES.password())) {
            for (int i = 0; i < 10; i++) {
                for (Connection connection : List.of(a, b)) {
                    try (PreparedStatement statement = connection.prepareStatement("SELECT ? + 1")) {
                        statement.setInt(1, i);
                        try (ResultSet rows = statement.executeQuery()) {
                            rows.next();
                            assertThat(rows.getInt(1)).isEqualTo(i + 1);
                            done++;
                        }
                    }
                }
            }
        }
        return done;
    }

    private Map<String, Object> send(JsonNode account) {
        return Governed.send(account, "ETHEREUM_LIKE_SEND", AMOUNT.toString(), RECIPIENT, MAX_FEE.toString(),
                Governed.speed("NORMAL"));
    }

    private Connection direct() throws SQLException {
        return DriverManager.getConnection(directUrl, Engine.POSTGRES.user(), Engine.POSTGRES.password());
    }

    private String databaseName() {
        String path = java.net.URI.create(directUrl.substring("jdbc:".length())).getPath();
        return path.substring(1);
    }
}
