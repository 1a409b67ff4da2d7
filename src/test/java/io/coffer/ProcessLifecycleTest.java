package io.coffer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.Engine;
import io.coffer.testing.ServerProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The server as a process a supervisor runs: it says in one line why it cannot start, it stops on
 * SIGTERM within seconds, and it logs one line per request without secrets.
 */
class ProcessLifecycleTest {

    @Test
    void aTakenPortStopsTheProcessWithOneSentence() throws Exception {
        Path data = Engine.tempDir("port");
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ServerProcess server = ServerProcess.launch(List.of("serve"), data, taken.getLocalPort(), Map.of());
            assertThat(server.process().waitFor(60, TimeUnit.SECONDS)).as("the process ends").isTrue();
            assertThat(server.process().exitValue()).isEqualTo(Main.SETUP_FAILED);
            assertThat(server.output()).contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .doesNotContain("Exception").doesNotContain("listening on http://127.0.0.1:-1");
        }
    }

    @Test
    void aSecondServerOnTheSameDataSaysTheDatabaseIsInUse() throws Exception {
        Path data = Engine.tempDir("twice");
        try (ServerProcess first = ServerProcess.start(data, ServerProcess.freePort())) {
            ServerProcess second = ServerProcess.launch(List.of("serve"), data, ServerProcess.freePort(), Map.of());
            assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.process().exitValue()).isEqualTo(Main.SETUP_FAILED);
            String said = second.output().lines().filter(line -> line.startsWith("coffer:")).findFirst().orElse("");
            assertThat(said).contains("is in use by another Coffer");
            assertThat(second.output()).doesNotContain("Exception");
            assertThat(new ApiClient(first.baseUrl(), Map.of()).get("/health").status()).as("the first one runs on")
                    .isEqualTo(200);
        }
    }

    @Test
    void sigtermStopsTheServerWithinSecondsEvenDuringLoad() throws Exception {
        Path data = Engine.tempDir("sigterm");
        ServerProcess server = ServerProcess.start(data, ServerProcess.freePort());
        ApiClient anonymous = new ApiClient(server.baseUrl(), Map.of());
        JsonNode user = anonymous.post("/sandbox/workspaces", Map.of("name", "busy")).get("api_user");
        ApiClient admin = anonymous.with("X-Ledger-Workspace", "busy")
                .with("X-Ledger-API-User", user.path("username").asText())
                .with("X-Ledger-API-Key", user.path("api_key_secret").asText());
        long account = admin.post("/sandbox/accounts", Map.of("name", "hot", "currency", "ethereum")).id();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch loaded = new CountDownLatch(20);
        Thread load = Thread.ofVirtual().start(() -> {
            while (running.get()) {
                try {
                    admin.post("/sandbox/accounts/" + account + "/deposits", Map.of("amount", "1"));
                    loaded.countDown();
                } catch (RuntimeException stopped) {
                    return;
                }
            }
        });
        assertThat(loaded.await(60, TimeUnit.SECONDS)).isTrue();
        long asked = System.nanoTime();
        server.process().destroy(); // SIGTERM
        boolean ended = server.process().waitFor(ShutdownWatchdogTest.DEADLINE_SECONDS, TimeUnit.SECONDS);
        running.set(false);
        load.join(Duration.ofSeconds(10));
        server.kill();
        assertThat(ended).as("stopped within " + ShutdownWatchdogTest.DEADLINE_SECONDS + " s of SIGTERM").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(20));
    }

    /** Hundreds of 1 MiB bodies at once, credentials or not, ran the heap out of memory. */
    @Test
    void aFloodOfLargeBodiesCannotExhaustTheHeap() throws Exception {
        Path data = Engine.tempDir("flood");
        Map<String, String> budget = Map.of("COFFER_BODY_BUDGET_BYTES", Long.toString(32L << 20));
        try (ServerProcess server = ServerProcess.start(data, ServerProcess.freePort(), budget, "-Xmx128m")) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
            byte[] body = ("{\"api_key_id\":\"" + "a".repeat(1_048_000) + "\",\"api_key_secret\":\"x\"}").getBytes();
            java.util.List<Integer> statuses = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            try (var senders = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 300; i++) {
                    senders.submit(() -> {
                        for (int round = 0; round < 2; round++) {
                            try {
                                statuses.add(http.send(java.net.http.HttpRequest.newBuilder(
                                                java.net.URI.create(server.baseUrl() + "/auth/token"))
                                        .timeout(Duration.ofSeconds(120))
                                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode());
                            } catch (java.io.IOException | InterruptedException failed) {
                                statuses.add(-1);
                            }
                        }
                        return null;
                    });
                }
            }
            assertThat(server.process().isAlive()).as(server.output()).isTrue();
            assertThat(new ApiClient(server.baseUrl(), Map.of()).get("/health").status()).isEqualTo(200);
            assertThat(statuses).as("each body is refused (400 too large a key id, 401, or 503 when the budget is"
                    + " spent), never a crash").allMatch(status -> status == 400 || status == 401 || status == 503);
            assertThat(statuses).as("bodies beyond the budget wait, then are turned away").contains(503);
            assertThat(server.output()).doesNotContain("OutOfMemoryError");
        }
    }

    @Test
    void eachRequestIsOneLogLineWithItsRouteAndNeverItsSecrets() throws Exception {
        Path data = Engine.tempDir("access-log").resolve("data");
        try (ServerProcess server = ServerProcess.start(data, ServerProcess.freePort())) {
            ApiClient anonymous = new ApiClient(server.baseUrl(), Map.of());
            JsonNode user = anonymous.post("/sandbox/workspaces", Map.of("name", "logged")).get("api_user");
            String secret = user.path("api_key_secret").asText();
            ApiClient admin = anonymous.with("X-Ledger-Workspace", "logged")
                    .with("X-Ledger-API-User", user.path("username").asText()).with("X-Ledger-API-Key", secret);
            long account = admin.post("/sandbox/accounts", Map.of("name", "audited", "currency", "bitcoin")).id();
            assertThat(admin.get("/accounts/" + account + "/balances").status()).isEqualTo(200);
            String token = anonymous.with("X-Ledger-Workspace", "logged").post("/auth/token", Map.of("api_key_id",
                    user.path("api_key_id").asText(), "api_key_secret", secret)).text("access_token");
            assertThat(anonymous.get("/accounts/999999").status()).isEqualTo(401);
            ServerProcess.await(Duration.ofSeconds(30), "the access log lines", () ->
                    server.output().contains("GET /accounts/{account_id} 401"));
            String log = server.output();
            assertThat(log).containsPattern("io\\.coffer\\.access: GET /accounts/\\{account_id}/balances 200 [0-9]+\\.[0-9]{3} ms"
                    + " workspace=logged user=" + user.path("id").asLong());
            assertThat(log).containsPattern("POST /sandbox/workspaces 200 [0-9.]+ ms workspace=- user=-");
            assertThat(log).doesNotContain(secret).doesNotContain(token).doesNotContain("/accounts/999999");
            assertThat(java.nio.file.Files.getPosixFilePermissions(data)).as("the database directory is its owner's")
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
                            java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
        }
    }
}
