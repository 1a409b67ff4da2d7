package io.coffer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A mixed load over one sandbox workspace served by one or more instances: deposits, governed sends
 * that two users approve with signed challenges (some left waiting), blocks, admin requests and
 * reads, each call sent to an instance picked in turn. It records what was acknowledged, so a test
 * can check it is all stored after kills; a call that finds its instance dead is simply lost.
 */
public final class MixedLoad {

    /** An acknowledged deposit. */
    public record Deposit(long id, long account, String amount) {
    }

    /** A request whose last approval was acknowledged: it was carried out. */
    public record Approved(long requestId) {
    }

    private static final String RECIPIENT = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    private final List<String> bases;
    private final Map<String, String> admin;
    private final Map<String, String> operator;
    private final ApproverKey adminKey;
    private final ApproverKey operatorKey;
    private final long operatorId;
    private final JsonNode governed;
    private final long hot;
    private final long utxo;
    private final ConcurrentLinkedQueue<Deposit> deposits = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> requests = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Approved> approved = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong amounts = new AtomicLong();

    private MixedLoad(List<String> bases, Map<String, String> admin, Map<String, String> operator, ApproverKey adminKey,
                      ApproverKey operatorKey, long operatorId, JsonNode governed, long hot, long utxo) {
        this.bases = bases;
        this.admin = admin;
        this.operator = operator;
        this.adminKey = adminKey;
        this.operatorKey = operatorKey;
        this.operatorId = operatorId;
        this.governed = governed;
        this.hot = hot;
        this.utxo = utxo;
    }

    /**
     * Creates a sandbox workspace through the first instance: an admin and an operator with approval
     * keys, a funded Ethereum account whose sends need both, an Ethereum account for deposits and a
     * Litecoin one.
     */
    public static MixedLoad create(List<String> bases, String workspace) {
        ApproverKey adminKey = ApproverKey.generate();
        ApiClient anonymous = new ApiClient(bases.getFirst(), Map.of());
        ApiResponse created = anonymous.post("/sandbox/workspaces", Map.of("name", workspace, "public_key", adminKey.publicHex()));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        Map<String, String> admin = headers(workspace, created.get("api_user"));
        ApiClient adminClient = new ApiClient(bases.getFirst(), admin);
        ApproverKey operatorKey = ApproverKey.generate();
        ApiResponse op = adminClient.post("/sandbox/api-users", Map.of("username", Sandbox.uniqueName("op"), "role",
                "OPERATOR", "public_key", operatorKey.publicHex()));
        assertThat(op.status()).as(op.raw()).isEqualTo(200);
        long adminId = created.get("api_user").path("id").asLong();
        long operatorId = op.get("api_user").path("id").asLong();
        JsonNode governed = Sandbox.accountNaming(adminClient, "ethereum", List.of(adminId, operatorId), 2);
        long hot = Sandbox.account(adminClient, "ethereum").path("id").asLong();
        long utxo = Sandbox.account(adminClient, "litecoin").path("id").asLong();
        ApiResponse funded = adminClient.post("/sandbox/accounts/" + governed.path("id").asLong() + "/deposits",
                Map.of("amount", BigInteger.TEN.pow(22).toString()));
        assertThat(funded.status()).as(funded.raw()).isEqualTo(200);
        assertThat(adminClient.post("/sandbox/networks/ethereum/blocks", Map.of("count", 12)).status()).isEqualTo(200);
        return new MixedLoad(bases, admin, headers(workspace, op.get("api_user")), adminKey, operatorKey, operatorId,
                governed, hot, utxo);
    }

    private static Map<String, String> headers(String workspace, JsonNode user) {
        return Map.of("X-Ledger-Workspace", workspace, "X-Ledger-API-User", user.path("username").asText(),
                "X-Ledger-API-Key", user.path("api_key_secret").asText());
    }

    /** The admin's client on one instance. */
    public ApiClient admin(int instance) {
        return new ApiClient(bases.get(instance), admin);
    }

    public ApiClient operator(int instance) {
        return new ApiClient(bases.get(instance), operator);
    }

    /** The operator's id (for webhook subscriptions and checks). */
    public long operatorId() {
        return operatorId;
    }

    public List<Deposit> deposits() {
        return List.copyOf(deposits);
    }

    public List<Long> requests() {
        return List.copyOf(requests);
    }

    public List<Approved> approved() {
        return List.copyOf(approved);
    }

    /** Calls that broke the contract or answered a 5xx other than an overload's 503; must stay empty. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Acknowledged writes so far (deposits, requests, final approvals). */
    public int acknowledged() {
        return deposits.size() + requests.size() + approved.size();
    }

    /** Load running on its own threads until {@link Running#stop()}. */
    public final class Running {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService threads;

        private Running(int count) {
            threads = Executors.newFixedThreadPool(count);
            for (int t = 0; t < count; t++) {
                int thread = t;
                threads.submit(() -> work(thread, running));
            }
        }

        /** Stops the load and waits for the calls in flight. */
        public void stop() throws InterruptedException {
            running.set(false);
            threads.shutdown();
            if (!threads.awaitTermination(90, TimeUnit.SECONDS)) {
                threads.shutdownNow();
                throw new AssertionError("the load did not stop");
            }
        }
    }

    /** Starts the load on {@code count} threads. */
    public Running start(int count) {
        return new Running(count);
    }

    private void work(int thread, AtomicBoolean running) {
        long n = 0;
        while (running.get()) {
            n++;
            int instance = (int) (calls.incrementAndGet() % bases.size());
            try {
                switch ((int) ((n + thread) % 10)) {
                    case 0, 1, 2 -> deposit(instance, hot);
                    case 3 -> deposit(instance, utxo);
                    case 4 -> check(admin(instance).post("/sandbox/networks/ethereum/blocks", Map.of("count", 1)));
                    case 5, 6, 7 -> send(instance, thread % 4 != 3);
                    case 8 -> adminRequest(instance);
                    default -> check(admin(instance).get("/accounts/" + governed.path("id").asLong() + "/balances"));
                }
            } catch (UncheckedIOException instanceGone) {
                // Killed or restarting: the call may or may not have committed, and was not acknowledged.
                pause();
            } catch (AssertionError | RuntimeException e) {
                problems.add(e.toString());
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ApiResponse check(ApiResponse response) {
        if (response.status() >= 500 && response.status() != 503) {
            problems.add(response.status() + ": " + response.raw());
        }
        return response;
    }

    private void deposit(int instance, long account) {
        String amount = Long.toString(amounts.incrementAndGet());
        ApiResponse response = check(admin(instance).post("/sandbox/accounts/" + account + "/deposits", Map.of("amount", amount)));
        if (response.status() == 200) {
            deposits.add(new Deposit(response.id(), account, amount));
        }
    }

    /** A send the operator asks for; approved by both (each through the next instance), or left waiting. */
    private void send(int instance, boolean approve) {
        ApiResponse request = check(operator(instance).post("/requests", Governed.send(governed, "ETHEREUM_LIKE_SEND", "1000",
                RECIPIENT, "10000000000000000", Governed.speed("NORMAL"))));
        if (request.status() != 200) {
            return;
        }
        requests.add(request.id());
        if (approve) {
            approve(operator((instance + 1) % bases.size()), operatorKey, request.id());
            ApiResponse last = approve(admin((instance + 2) % bases.size()), adminKey, request.id());
            if (last.status() == 200 && !last.text("status").startsWith("PENDING")) {
                approved.add(new Approved(request.id()));
            }
        }
    }

    /** An admin request (a new group) that the admin's quorum of one approves. */
    private void adminRequest(int instance) {
        ApiResponse group = check(admin(instance).post("/requests", Map.of("type", "CREATE_GROUP", "data",
                Map.of("name", Sandbox.uniqueName("desk"), "members", List.of(operatorId)))));
        if (group.status() != 200) {
            return;
        }
        requests.add(group.id());
        ApiResponse done = approve(admin((instance + 1) % bases.size()), adminKey, group.id());
        if (done.status() == 200 && !done.text("status").startsWith("PENDING")) {
            approved.add(new Approved(group.id()));
        }
    }

    private ApiResponse approve(ApiClient client, ApproverKey key, long requestId) {
        ApiResponse challenge = check(client.get("/requests/" + requestId + "/challenge"));
        if (challenge.status() != 200) {
            return challenge;
        }
        return check(client.post("/requests/" + requestId + "/approve", Map.of("jws", key.sign(challenge.text("challenge")))));
    }

    /** The requests created and never approved by this load (the ones left waiting). */
    public List<Long> waiting() {
        List<Long> done = new ArrayList<>(approved.stream().map(Approved::requestId).toList());
        return requests.stream().filter(id -> !done.contains(id)).toList();
    }
}
