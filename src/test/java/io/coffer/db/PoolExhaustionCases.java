package io.coffer.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Engine;
import io.coffer.testing.Sandbox;
import io.coffer.testing.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With every pooled connection taken and none coming free within {@code COFFER_DB_POOL_WAIT_MILLIS},
 * writes and reads are answered 503 in the error shape with {@code Retry-After} (not a 500, not a
 * hang), nothing is written, and once the connections come back everything answers again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PoolExhaustionCases {

    private static final int POOL = 2;
    private TestServer server;

    protected abstract Engine engine();

    @BeforeAll
    void start() {
        server = TestServer.start(engine(), Map.of("COFFER_DB_POOL_SIZE", Integer.toString(POOL),
                "COFFER_DB_POOL_WAIT_MILLIS", "500"));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anExhaustedPoolAnswers503WithRetryAfterAndWritesNothingThenRecovers() throws Exception {
        ApiClient client = Sandbox.workspace(server).client();
        long account = Sandbox.account(client, "bitcoin").path("id").asLong();
        Sandbox.deposit(client, account, "1000");
        String balancesBefore = client.get("/accounts/" + account + "/balances").raw();

        List<Connection> held = takeEveryConnection(server.database().dataSource());
        try {
            ApiResponse write = client.post("/sandbox/accounts/" + account + "/deposits", Map.of("amount", "5"));
            assertUnavailable(write);
            ApiResponse read = client.get("/accounts/" + account + "/balances");
            assertUnavailable(read);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }

        assertThat(client.get("/accounts/" + account + "/balances").raw())
                .as("the refused deposit left nothing").isEqualTo(balancesBefore);
        assertThat(client.get("/transactions?account=" + account).get("page_info").path("count").asInt()).isEqualTo(1);
        Sandbox.deposit(client, account, "7");
        assertThat(client.get("/transactions?account=" + account).get("page_info").path("count").asInt()).isEqualTo(2);
    }

    private static void assertUnavailable(ApiResponse answer) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(503);
        assertThat(answer.text("name")).isEqualTo("ServiceUnavailableError");
        assertThat(answer.get("status_code").asInt()).isEqualTo(503);
        assertThat(answer.text("message")).contains("database connection");
        assertThat(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    }

    /** Every connection of the pool, taken as each comes free (background jobs borrow them briefly too). */
    private static List<Connection> takeEveryConnection(DataSource dataSource) throws SQLException {
        List<Connection> held = new ArrayList<>();
        while (held.size() < POOL) {
            try {
                held.add(dataSource.getConnection());
            } catch (SQLTransientConnectionException busy) {
                // a background job held one past the wait: ask again
            }
        }
        return held;
    }
}
