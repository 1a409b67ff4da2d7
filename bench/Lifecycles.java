// Governed-send benchmark: run with `java -cp target/coffer.jar bench/Lifecycles.java ...` (bench/lifecycle.sh
// does). Three measurements in one run, each for a fixed duration with a warm-up before it:
//   jdbc        raw JDBC commits (one INSERT each) on a scratch H2 database opened exactly as Coffer opens
//               its own, by the same number of threads: the storage's ceiling;
//   approvals   first approvals (GET challenge, client signs ES256, POST approve, server verifies) on
//               requests created beforehand;
//   lifecycles  create a send, approve it twice (two users, two signatures), mine the blocks that
//               confirm it: six HTTP calls, eleven database transactions.
// Every worker has its own workspace, so workers never wait on each other's account locks.

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import io.coffer.db.Database;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

public class Lifecycles {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String RECIPIENT = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    /** An API user: its credentials, its current access token and its approval key. */
    static final class User {
        final long id;
        final String workspace;
        final JsonNode credentials;
        final KeyPair key;
        volatile String token;

        User(long id, String workspace, JsonNode credentials, KeyPair key, String token) {
            this.id = id;
            this.workspace = workspace;
            this.credentials = credentials;
            this.key = key;
            this.token = token;
        }

        long id() {
            return id;
        }

        String workspace() {
            return workspace;
        }

        String token() {
            return token;
        }

        KeyPair key() {
            return key;
        }
    }

    /** Access tokens live 300 s; each phase starts with fresh ones. */
    static void relogin(String base, List<Worker> workers) throws Exception {
        for (Worker w : workers) {
            for (User user : List.of(w.admin(), w.alice(), w.bob())) {
                user.token = login(base, user.workspace(), user.credentials, user.key()).token();
            }
        }
    }

    record Worker(User admin, User alice, User bob, long account, String accountName) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: Lifecycles <base url> <scratch dir> <workers> <seconds> <warm-up seconds>");
            System.exit(2);
        }
        String base = args[0];
        Path scratch = Path.of(args[1]);
        int workers = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);

        double commits = jdbc(scratch, workers, warmup, seconds);
        System.out.printf("jdbc_commits_per_s %.1f%n", commits);
        printLatencies("jdbc_commit");

        List<Worker> setup = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            setup.add(worker(base, i));
        }
        // Requests for the approvals phase are created up front; the phase is counted, not timed,
        // so it never runs out of them: a warm-up share, then the measured share on every worker.
        int warmupApprovals = Integer.getInteger("bench.approvals.warmup", 200);
        int measuredApprovals = Integer.getInteger("bench.approvals", 800);
        List<List<Long>> prepared = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            prepared.add(new ArrayList<>());
        }
        relogin(base, setup);
        runAll(workers, i -> {
            for (int k = 0; k < warmupApprovals + measuredApprovals; k++) {
                prepared.get(i).add(createSend(base, setup.get(i)));
            }
        });
        relogin(base, setup);
        double approvals = counted(workers, warmupApprovals, measuredApprovals,
                (i, k) -> approve(base, setup.get(i).alice(), prepared.get(i).get(k), "PENDING_APPROVAL"));
        System.out.printf("approvals_per_s %.1f%n", approvals);
        printLatencies("approval");

        relogin(base, setup);
        double lifecycles = timed(workers, warmup, seconds, i -> {
            Worker w = setup.get(i);
            long request = createSend(base, w);
            approve(base, w.alice(), request, "PENDING_APPROVAL");
            approve(base, w.bob(), request, "SUBMITTED");
            JsonNode mined = call(base, w.admin(), "POST", "/sandbox/networks/ethereum/blocks", Map.of("count", 12));
            if (!mined.has("height")) {
                throw new IllegalStateException("mining failed: " + mined);
            }
        });
        System.out.printf("lifecycles_per_s %.1f%n", lifecycles);
        printLatencies("lifecycle");
    }

    /** Latencies (nanoseconds) of the measured steps of the phase running now. */
    static final ConcurrentLinkedQueue<Long> LATENCIES = new ConcurrentLinkedQueue<>();

    /** Prints the p50 and p99 (milliseconds) of the phase just measured, and forgets them. */
    static void printLatencies(String phase) {
        long[] sorted = LATENCIES.stream().mapToLong(Long::longValue).sorted().toArray();
        LATENCIES.clear();
        if (sorted.length > 0) {
            System.out.printf("%s_p50_ms %.2f%n%s_p99_ms %.2f%n", phase, sorted[(int) (sorted.length * 0.50)] / 1e6,
                    phase, sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6);
        }
    }

    /**
     * Raw commit rate: each thread inserts one row per transaction on its own pooled connection. The
     * database is a scratch H2 one opened as Coffer opens its own, or the one of {@code bench.jdbc.url}
     * (with {@code bench.jdbc.user} and {@code bench.jdbc.password}), such as a PostgreSQL database
     * beside Coffer's.
     */
    static double jdbc(Path scratch, int threads, int warmup, int seconds) throws Exception {
        String url = System.getProperty("bench.jdbc.url", Database.h2Url(scratch));
        try (Database database = Database.open(url, System.getProperty("bench.jdbc.user", "sa"),
                System.getProperty("bench.jdbc.password", ""), threads)) {
            try (Connection c = database.dataSource().getConnection()) {
                c.createStatement().execute("CREATE TABLE IF NOT EXISTS bench_commit (id BIGINT PRIMARY KEY, v NUMERIC(78,0))");
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
            AtomicLong ids = new AtomicLong();
            return timed(threads, warmup, seconds, i -> {
                try (Connection c = database.dataSource().getConnection()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_commit (id, v) VALUES (?, ?)")) {
                        insert.setLong(1, ids.incrementAndGet());
                        insert.setBigDecimal(2, new java.math.BigDecimal(BigInteger.TEN.pow(30)));
                        insert.executeUpdate();
                    }
                    c.commit();
                }
            });
        }
    }

    interface Step {
        void run(int worker) throws Exception;
    }

    interface IndexedStep {
        void run(int worker, int index) throws Exception;
    }

    /** Every worker runs its warm-up steps, then (all together) its measured steps; the rate of the latter. */
    static double counted(int workers, int warmup, int measured, IndexedStep step) throws Exception {
        java.util.concurrent.CyclicBarrier ready = new java.util.concurrent.CyclicBarrier(workers + 1);
        java.util.concurrent.CyclicBarrier go = new java.util.concurrent.CyclicBarrier(workers + 1);
        long[] elapsed = new long[1];
        Thread timer = Thread.ofPlatform().start(() -> {
            try {
                ready.await();
                long start = System.nanoTime();
                go.await();
                go.await();
                elapsed[0] = System.nanoTime() - start;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        runAll(workers, i -> {
            for (int k = 0; k < warmup; k++) {
                step.run(i, k);
            }
            ready.await();
            go.await();
            for (int k = warmup; k < warmup + measured; k++) {
                long began = System.nanoTime();
                step.run(i, k);
                LATENCIES.add(System.nanoTime() - began);
            }
            go.await();
        });
        timer.join();
        return workers * (double) measured / (elapsed[0] / 1e9);
    }

    /** Runs the step in a loop on every worker: warm-up, then counts completions for the measured seconds. */
    static double timed(int workers, int warmup, int seconds, Step step) throws Exception {
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        runAll(workers, i -> {
            while (true) {
                long now = System.nanoTime();
                if (now >= end) {
                    return;
                }
                step.run(i);
                long finished = System.nanoTime();
                if (now >= measureFrom && finished <= end) {
                    done.incrementAndGet();
                    LATENCIES.add(finished - now);
                }
            }
        });
        return done.get() / (double) seconds;
    }

    static void runAll(int workers, Step step) throws Exception {
        CountDownLatch finished = new CountDownLatch(workers);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < workers; i++) {
            int index = i;
            Thread.ofPlatform().start(() -> {
                try {
                    step.run(index);
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    finished.countDown();
                }
            });
        }
        finished.await();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a worker failed", failures.peek());
        }
    }

    static Worker worker(String base, int index) throws Exception {
        String workspace = "bench-" + index + "-" + System.nanoTime();
        KeyPair adminKey = keyPair();
        JsonNode created = post(base, null, "/sandbox/workspaces", Map.of("name", workspace, "public_key", publicHex(adminKey)));
        User admin = login(base, workspace, created.path("api_user"), adminKey);
        User alice = operator(base, admin);
        User bob = operator(base, admin);
        String name = "hot-" + index;
        JsonNode account = call(base, admin, "POST", "/sandbox/accounts", Map.of("name", name, "currency", "ethereum",
                "governance_rules", List.of(Map.of("name", "main", "rules", List.of(Map.of("type", "MULTI_AUTHORIZATIONS",
                        "data", List.of(Map.of("users", List.of(alice.id()), "quorum", 1),
                                Map.of("users", List.of(bob.id()), "quorum", 1))))))));
        long accountId = account.path("id").asLong();
        call(base, admin, "POST", "/sandbox/accounts/" + accountId + "/deposits", Map.of("amount", BigInteger.TEN.pow(30).toString()));
        call(base, admin, "POST", "/sandbox/networks/ethereum/blocks", Map.of("count", 12));
        return new Worker(admin, alice, bob, accountId, name);
    }

    static User operator(String base, User admin) throws Exception {
        KeyPair key = keyPair();
        JsonNode created = call(base, admin, "POST", "/sandbox/api-users", Map.of("username", "op-" + System.nanoTime(),
                "role", "OPERATOR", "public_key", publicHex(key)));
        return login(base, admin.workspace(), created.path("api_user"), key);
    }

    static User login(String base, String workspace, JsonNode user, KeyPair key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/auth/token"))
                .header("Content-Type", "application/json").header("X-Ledger-Workspace", workspace)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                        "api_key_id", user.path("api_key_id").asText(), "api_key_secret", user.path("api_key_secret").asText()))))
                .build();
        JsonNode token = JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        return new User(user.path("id").asLong(), workspace, user, key, token.path("access_token").asText());
    }

    static long createSend(String base, Worker w) throws Exception {
        JsonNode created = call(base, w.alice(), "POST", "/requests", Map.of("type", "CREATE_TRANSACTION", "data", Map.of(
                "account_id", w.account(),
                "transaction_type", "ETHEREUM_LIKE_SEND",
                "fees_strategy", Map.of("type", "SPEED", "data", Map.of("speed", "NORMAL")),
                "transaction_data", Map.of("account_name", w.accountName(), "currency", "ethereum", "amount", "1000",
                        "max_fees", "10000000000000000", "recipient", RECIPIENT))));
        if (!created.has("id")) {
            throw new IllegalStateException("request refused: " + created);
        }
        return created.path("id").asLong();
    }

    static void approve(String base, User user, long request, String expected) throws Exception {
        String challenge = call(base, user, "GET", "/requests/" + request + "/challenge", null).path("challenge").asText();
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload(Base64.getUrlDecoder().decode(challenge)));
        jws.sign(new ECDSASigner((ECPrivateKey) user.key().getPrivate()));
        JsonNode approved = call(base, user, "POST", "/requests/" + request + "/approve", Map.of("jws", jws.serialize()));
        if (!expected.equals(approved.path("status").asText())) {
            throw new IllegalStateException("approval answered " + approved);
        }
    }

    static JsonNode call(String base, User user, String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + user.token()).header("X-Ledger-Workspace", user.workspace());
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    static JsonNode post(String base, User user, String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static String publicHex(KeyPair pair) {
        ECPublicKey key = (ECPublicKey) pair.getPublic();
        return "04" + fixed(key.getW().getAffineX()) + fixed(key.getW().getAffineY());
    }

    static String fixed(BigInteger value) {
        byte[] bytes = new byte[32];
        byte[] raw = value.toByteArray();
        int copy = Math.min(32, raw.length);
        System.arraycopy(raw, raw.length - copy, bytes, 32 - copy, copy);
        return HexFormat.of().formatHex(bytes);
    }
}
