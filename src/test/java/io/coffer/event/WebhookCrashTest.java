package io.coffer.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.Engine;
import io.coffer.testing.ServerProcess;
import io.coffer.testing.TestServer;
import io.coffer.testing.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Deliveries live in the database: an event committed before a {@code kill -9} is delivered after the
 * restart, and two instances over one PostgreSQL deliver each event once between them.
 */
class WebhookCrashTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void eventsCommittedBeforeAKillNineAreDeliveredAfterTheRestart() throws Exception {
        Path data = Engine.tempDir("hook-kill9");
        int port = ServerProcess.freePort();
        try (WebhookReceiver receiver = WebhookReceiver.start(0)) {
            receiver.hang("/crash");
            // One post at a time, hanging: the first event's post is in flight at the kill, the second never left.
            Map<String, String> env = Map.of("COFFER_WEBHOOK_CONCURRENCY", "1", "COFFER_WEBHOOK_TIMEOUT_SECONDS", "4");
            ServerProcess server = ServerProcess.start(data, port, env);
            ApiClient admin;
            long account;
            long deposit;
            try {
                ApiClient anonymous = new ApiClient("http://127.0.0.1:" + port, Map.of());
                JsonNode user = anonymous.post("/sandbox/workspaces", Map.of("name", "crash")).get("api_user");
                admin = anonymous.with("X-Ledger-Workspace", "crash")
                        .with("X-Ledger-API-User", user.path("username").asText())
                        .with("X-Ledger-API-Key", user.path("api_key_secret").asText());
                assertThat(WebhooksCases.configure(admin, receiver.url("/crash", "crash-secret"), "crash-secret").status())
                        .isEqualTo(200);
                account = admin.post("/sandbox/accounts", Map.of("name", "hot", "currency", "ethereum")).id();
                ServerProcess.await(PATIENCE, "the first post, hanging", () -> receiver.attempts() >= 1);
                deposit = admin.post("/sandbox/accounts/" + account + "/deposits", Map.of("amount", "7")).id();
            } finally {
                server.kill();
            }
            assertThat(receiver.accepted()).isEmpty();

            // Restarted, with a receiver that answers: the post that never left goes at once, the one cut
            // off by the kill once its lease has run out; nobody asks for either.
            receiver.answer("/crash");
            ServerProcess restarted = ServerProcess.start(data, port, Map.of("COFFER_WEBHOOK_FIRST_RETRY_MILLIS", "100"));
            try {
                ServerProcess.await(PATIENCE, "both events after the restart", () -> receiver.accepted().size() >= 2);
                assertThat(receiver.accepted().stream().map(WebhookReceiver.Received::key).toList())
                        .containsExactlyInAnyOrder("ETHEREUM_ACCOUNT NEW_ACCOUNT_HAS_BEEN_CREATED " + account,
                                "TRANSACTION NEW_TRANSACTION_HAS_BEEN_RECEIVED " + deposit);
                assertThat(receiver.problems()).isEmpty();
            } finally {
                restarted.close();
            }
        }
    }

    @Test
    void twoInstancesOverOnePostgresDeliverEachEventOnce() throws Exception {
        Map<String, String> quick = Map.of("COFFER_WEBHOOK_FIRST_RETRY_MILLIS", "100");
        try (TestServer first = TestServer.start(Engine.POSTGRES, quick);
             TestServer second = TestServer.start(Engine.POSTGRES, Map.of("COFFER_WEBHOOK_FIRST_RETRY_MILLIS", "100",
                     "COFFER_DB_URL", first.env().get("COFFER_DB_URL"),
                     "COFFER_MASTER_KEY_FILE", first.env().get("COFFER_MASTER_KEY_FILE")));
             WebhookReceiver receiver = WebhookReceiver.start(0)) {
            ApiClient anonymous = first.anonymous();
            JsonNode user = anonymous.post("/sandbox/workspaces", Map.of("name", "pair")).get("api_user");
            ApiClient viaFirst = anonymous.with("X-Ledger-Workspace", "pair")
                    .with("X-Ledger-API-User", user.path("username").asText())
                    .with("X-Ledger-API-Key", user.path("api_key_secret").asText());
            ApiClient viaSecond = new ApiClient(second.baseUrl(), Map.of()).with("X-Ledger-Workspace", "pair")
                    .with("X-Ledger-API-User", user.path("username").asText())
                    .with("X-Ledger-API-Key", user.path("api_key_secret").asText());
            assertThat(WebhooksCases.configure(viaFirst, receiver.url("/pair", "pair-secret"), "pair-secret").status())
                    .isEqualTo(200);
            long account = viaFirst.post("/sandbox/accounts", Map.of("name", "a", "currency", "ethereum")).id();
            receiver.refuseNext(5);
            for (int i = 0; i < 30; i++) {
                ApiClient client = i % 2 == 0 ? viaFirst : viaSecond;
                assertThat(client.post("/sandbox/accounts/" + account + "/deposits", Map.of("amount", "1")).status())
                        .isEqualTo(200);
            }
            long last = viaSecond.get("/events?limit=1").get("last_seq").asLong();
            assertThat(last).isEqualTo(31);
            ServerProcess.await(PATIENCE, "31 deliveries", () -> receiver.accepted().size() >= 31);
            Thread.sleep(300);
            Set<Long> seqs = new HashSet<>();
            receiver.accepted().forEach(r -> assertThat(seqs.add(r.seq())).as("seq %d twice", r.seq()).isTrue());
            assertThat(seqs).hasSize(31);
            WebhooksCases.assertOncePerEventInOrderPerObject(receiver.accepted());
            assertThat(receiver.problems()).isEmpty();
        }
    }
}
