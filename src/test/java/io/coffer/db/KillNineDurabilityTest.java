package io.coffer.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.ApproverKey;
import io.coffer.testing.Engine;
import io.coffer.testing.ServerProcess;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A committed write survives kill -9 of the server on the embedded default: a real server process
 * takes deposits and blocks (or governed sends: requests, signed approvals, broadcasts and blocks)
 * from concurrent clients, is killed mid-load, and after a restart on the same data directory every
 * acknowledged write is there, no send was signed or settled twice, and the books still add up.
 */
class KillNineDurabilityTest {

    record Acknowledged(long id, String amount) {
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillNine() throws Exception {
        Path data = Engine.tempDir("kill9");
        int port = ServerProcess.freePort();
        ServerProcess server = ServerProcess.start(data, port);
        List<Acknowledged> acknowledged = new ArrayList<>();
        ApiClient admin;
        long account;
        try {
            ApiClient anonymous = new ApiClient("http://127.0.0.1:" + port, Map.of());
            ApiResponse workspace = anonymous.post("/sandbox/workspaces", Map.of("name", "durable"));
            JsonNode user = workspace.get("api_user");
            admin = anonymous.with("X-Ledger-Workspace", "durable")
                    .with("X-Ledger-API-User", user.path("username").asText())
                    .with("X-Ledger-API-Key", user.path("api_key_secret").asText());
            account = admin.post("/sandbox/accounts", Map.of("name", "hot", "currency", "ethereum")).id();

            ConcurrentLinkedQueue<Acknowledged> acks = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(8);
            for (int t = 0; t < 8; t++) {
                int thread = t;
                clients.submit(() -> {
                    long n = 0;
                    while (running.get()) {
                        String amount = Long.toString(1000 * thread + (++n));
                        try {
                            ApiResponse response = thread == 0 && n % 10 == 0
                                    ? admin.post("/sandbox/networks/ethereum/blocks", Map.of("count", 1))
                                    : admin.post("/sandbox/accounts/" + account + "/deposits", Map.of("amount", amount));
                            if (response.status() == 200 && response.json().has("amount")) {
                                acks.add(new Acknowledged(response.id(), amount));
                            }
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
            }
            // Kill once the load has produced what the test needs, however fast this machine is.
            ServerProcess.await(Duration.ofSeconds(120), "acknowledged deposits", () -> acks.size() > 50);
            server.kill();
            running.set(false);
            clients.shutdown();
            clients.awaitTermination(30, TimeUnit.SECONDS);
            acknowledged.addAll(acks);
        } finally {
            server.kill();
        }
        assertThat(acknowledged).as("the load produced acknowledged writes before the kill").hasSizeGreaterThan(20);

        ServerProcess restarted = ServerProcess.start(data, port);
        try {
            ApiClient client = admin;
            BigInteger acknowledgedTotal = BigInteger.ZERO;
            long maxId = 0;
            for (Acknowledged ack : acknowledged) {
                ApiResponse found = client.get("/transactions/" + ack.id());
                assertThat(found.status()).as("transaction %d was acknowledged", ack.id()).isEqualTo(200);
                assertThat(found.text("amount")).isEqualTo(ack.amount());
                acknowledgedTotal = acknowledgedTotal.add(new BigInteger(ack.amount()));
                maxId = Math.max(maxId, ack.id());
            }
            // Writes in flight at the kill may have committed without an answer; those count too,
            // but nothing else: the balance equals the sum of the transactions that exist.
            BigInteger stored = BigInteger.ZERO;
            ApiResponse page = client.get("/transactions?page_size=1000&account=" + account);
            assertThat(page.get("page_info").path("count").asInt()).isLessThanOrEqualTo(1000);
            for (JsonNode edge : page.get("edges")) {
                stored = stored.add(new BigInteger(edge.path("node").path("amount").asText()));
            }
            JsonNode balances = client.get("/accounts/" + account + "/balances").json();
            assertThat(new BigInteger(balances.path("total").asText())).isEqualTo(stored);
            assertThat(stored).isGreaterThanOrEqualTo(acknowledgedTotal);
            // Blocks still settle the survivors.
            client.post("/sandbox/networks/ethereum/blocks", Map.of("count", 12));
            balances = client.get("/accounts/" + account + "/balances").json();
            assertThat(balances.path("available").asText()).isEqualTo(stored.toString());
            assertThat(balances.path("pending").asText()).isEqualTo("0");
        } finally {
            restarted.close();
        }
    }

    @Test
    void theSendLifecycleSurvivesKillNineWithoutMovingMoneyTwice() throws Exception {
        Path data = Engine.tempDir("kill9-sends");
        int port = ServerProcess.freePort();
        ServerProcess server = ServerProcess.start(data, port);
        ApproverKey key = ApproverKey.generate();
        BigInteger funded = BigInteger.TEN.pow(21);
        List<Acknowledged> created = new ArrayList<>();
        List<Acknowledged> submitted = new ArrayList<>();
        ApiClient admin;
        long account;
        try {
            ApiClient anonymous = new ApiClient("http://127.0.0.1:" + port, Map.of());
            JsonNode user = anonymous.post("/sandbox/workspaces", Map.of("name", "sends", "public_key", key.publicHex()))
                    .get("api_user");
            admin = anonymous.with("X-Ledger-Workspace", "sends")
                    .with("X-Ledger-API-User", user.path("username").asText())
                    .with("X-Ledger-API-Key", user.path("api_key_secret").asText());
            account = admin.post("/sandbox/accounts", Map.of("name", "hot", "currency", "ethereum")).id();
            admin.post("/sandbox/accounts/" + account + "/deposits", Map.of("amount", funded.toString()));
            admin.post("/sandbox/networks/ethereum/blocks", Map.of("count", 12));
            Map<String, Object> send = Map.of("type", "CREATE_TRANSACTION", "data", Map.of(
                    "account_id", account,
                    "transaction_type", "ETHEREUM_LIKE_SEND",
                    "fees_strategy", Map.of("type", "SPEED", "data", Map.of("speed", "NORMAL")),
                    "transaction_data", Map.of("account_name", "hot", "currency", "ethereum", "amount", "1000",
                            "max_fees", "10000000000000000", "recipient", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")));

            ConcurrentLinkedQueue<Acknowledged> createdAcks = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Acknowledged> submittedAcks = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(6);
            for (int t = 0; t < 6; t++) {
                int thread = t;
                clients.submit(() -> {
                    long n = 0;
                    while (running.get()) {
                        n++;
                        try {
                            if (thread == 0 && n % 5 == 0) {
                                admin.post("/sandbox/networks/ethereum/blocks", Map.of("count", 1));
                                continue;
                            }
                            ApiResponse request = admin.post("/requests", send);
                            if (request.status() != 200) {
                                continue;
                            }
                            createdAcks.add(new Acknowledged(request.id(), request.get("target_id").asText()));
                            if (thread % 3 == 2) {
                                continue; // some requests stay pending across the kill
                            }
                            String challenge = admin.get("/requests/" + request.id() + "/challenge").text("challenge");
                            ApiResponse approved = admin.post("/requests/" + request.id() + "/approve",
                                    Map.of("jws", key.sign(challenge)));
                            if (approved.status() == 200) {
                                submittedAcks.add(new Acknowledged(request.id(), approved.text("status")));
                            }
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
            }
            // Kill once sends were approved and others are still pending, however fast this machine is.
            ServerProcess.await(Duration.ofSeconds(120), "approved and pending sends",
                    () -> submittedAcks.size() > 10 && createdAcks.size() > submittedAcks.size() + 3);
            server.kill();
            running.set(false);
            clients.shutdown();
            clients.awaitTermination(30, TimeUnit.SECONDS);
            created.addAll(createdAcks);
            submitted.addAll(submittedAcks);
        } finally {
            server.kill();
        }
        assertThat(submitted).as("sends were approved and broadcast before the kill").hasSizeGreaterThan(5);

        ServerProcess restarted = ServerProcess.start(data, port);
        try {
            for (Acknowledged ack : created) {
                ApiResponse request = admin.get("/requests/" + ack.id());
                assertThat(request.status()).as("request %d was acknowledged", ack.id()).isEqualTo(200);
                assertThat(request.get("target_id").asText()).isEqualTo(ack.amount());
            }
            for (Acknowledged ack : submitted) {
                assertThat(ack.amount()).isEqualTo("SUBMITTED");
                assertThat(admin.get("/requests/" + ack.id()).text("status")).isEqualTo("SUBMITTED");
            }
            // Every signed send has its own nonce, taken in order: none was signed twice.
            List<Long> nonces = new ArrayList<>();
            for (JsonNode send : sends(admin, account)) {
                if (!send.path("tx_hash").isNull() && !send.path("tx_hash").isMissingNode()) {
                    String raw = admin.get("/sandbox/transactions/" + send.path("id").asLong() + "/raw").text("raw");
                    nonces.add(((org.web3j.crypto.SignedRawTransaction) org.web3j.crypto.TransactionDecoder.decode(raw))
                            .getNonce().longValueExact());
                }
            }
            assertThat(nonces).hasSizeGreaterThanOrEqualTo(submitted.size());
            assertThat(nonces.stream().sorted().toList())
                    .isEqualTo(java.util.stream.LongStream.range(0, nonces.size()).boxed().toList());

            // Blocks settle every broadcast send once; what is still waiting stays reserved.
            admin.post("/sandbox/networks/ethereum/blocks", Map.of("count", 12));
            BigInteger spent = BigInteger.ZERO;
            BigInteger reserved = BigInteger.ZERO;
            for (JsonNode send : sends(admin, account)) {
                String status = send.path("status").asText();
                BigInteger amount = new BigInteger(send.path("amount").asText());
                switch (status) {
                    case "CONFIRMED" -> spent = spent.add(amount).add(new BigInteger(send.path("fees").asText()));
                    case "PENDING_APPROVAL" -> reserved = reserved.add(amount)
                            .add(BigInteger.valueOf(21_000).multiply(BigInteger.valueOf(41_500_000_000L)));
                    default -> throw new AssertionError("send " + send.path("id") + " is " + status);
                }
            }
            JsonNode balances = admin.get("/accounts/" + account + "/balances").json();
            assertThat(balances.path("total").asText()).isEqualTo(funded.subtract(spent).toString());
            assertThat(balances.path("pending").asText()).isEqualTo(reserved.toString());
            assertThat(balances.path("available").asText()).isEqualTo(funded.subtract(spent).subtract(reserved).toString());
            admin.post("/sandbox/networks/ethereum/blocks", Map.of("count", 12));
            assertThat(admin.get("/accounts/" + account + "/balances").json().path("total").asText())
                    .as("more blocks move nothing more").isEqualTo(funded.subtract(spent).toString());
        } finally {
            restarted.close();
        }
    }

    private static List<JsonNode> sends(ApiClient client, long account) {
        ApiResponse page = client.get("/transactions?type=SEND&page_size=1000&account=" + account);
        assertThat(page.get("page_info").path("count").asInt()).isLessThanOrEqualTo(1000);
        List<JsonNode> sends = new ArrayList<>();
        page.get("edges").forEach(edge -> sends.add(edge.path("node")));
        return sends;
    }
}
