package io.coffer.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Engine;
import io.coffer.testing.Governed;
import io.coffer.testing.Governed.Approver;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerProcess;
import io.coffer.testing.TestServer;
import io.coffer.testing.WebhookReceiver;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Webhooks and the event feed through HTTP, with a receiver that checks every signature itself:
 * the events of a story arrive each once and in order per object, outages are ridden out, each user
 * hears only of what it may see, and the feed shows the same events with no gap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebhooksCases {

    static final BigInteger ETH = BigInteger.TEN.pow(18);
    static final String RECIPIENT = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    protected TestServer server;
    protected WebhookReceiver receiver;

    protected abstract Engine engine();

    @BeforeAll
    void start() {
        server = TestServer.start(engine(), Map.of("COFFER_WEBHOOK_FIRST_RETRY_MILLIS", "100"));
        receiver = WebhookReceiver.start(0);
    }

    @AfterAll
    void stop() {
        receiver.close();
        server.close();
    }

    static ApiResponse configure(ApiClient client, String url, String secret) {
        return client.send("PUT", "/notifications/configuration", "{\"all\":{\"webhook\":{\"url\":\"" + url
                + "\",\"secret\":\"" + secret + "\"}}}");
    }

    static List<JsonNode> feed(ApiClient client, long after) {
        List<JsonNode> events = new ArrayList<>();
        long next = after;
        while (true) {
            ApiResponse page = client.get("/events?after=" + next + "&limit=7");
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            page.get("events").forEach(events::add);
            if (page.get("next_after").asLong() == next) {
                return events;
            }
            next = page.get("next_after").asLong();
        }
    }

    static long lastSeq(ApiClient client) {
        return client.get("/events?limit=1").get("last_seq").asLong();
    }

    static String key(JsonNode event) {
        return event.path("payload_type").asText() + " " + event.path("event_type").asText() + " " + event.path("id").asLong();
    }

    void awaitAccepted(String path, int count) throws InterruptedException {
        ServerProcess.await(PATIENCE, count + " deliveries to " + path + " (have " + receiver.accepted(path).size() + ")",
                () -> receiver.accepted(path).size() >= count);
    }

    /** Each post accepted once, and the posts about one object in the order of their sequence numbers. */
    static void assertOncePerEventInOrderPerObject(List<WebhookReceiver.Received> received) {
        assertThat(received.stream().map(WebhookReceiver.Received::seq).distinct().count())
                .as("no event delivered twice: %s", received).isEqualTo(received.size());
        Map<String, Long> lastSeqOfObject = new HashMap<>();
        for (WebhookReceiver.Received r : received) {
            String object = r.json().path("payload_type").asText() + ":" + r.json().path("id").asLong();
            Long before = lastSeqOfObject.put(object, r.seq());
            assertThat(before == null || before < r.seq()).as("events about %s out of order: %s", object, received).isTrue();
        }
    }

    @Test
    void aStoryReachesTheWebhookEventByEventEachOnceAndTheFeedShowsTheSame() throws Exception {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        String path = "/story-" + ws[0];
        String secret = "a-story-secret-0123456789";
        ApiResponse set = configure(admin.client(), receiver.url(path, secret), secret);
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.get("all").path("webhook").path("secret").asText()).isEqualTo("****6789");
        long start = lastSeq(admin.client());

        Approver alice = Governed.operator(server, ws[0], admin.client());
        Approver bob = Governed.operator(server, ws[0], admin.client());
        JsonNode account = Governed.account(admin.client(), "ethereum", List.of(Governed.step(1, alice), Governed.step(1, bob)));
        long accountId = account.path("id").asLong();
        long deposit = Sandbox.deposit(admin.client(), accountId, ETH.multiply(BigInteger.valueOf(5)).toString()).path("id").asLong();
        Sandbox.mine(admin.client(), "ethereum", 12);

        ApiResponse send = alice.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", ETH.toString(),
                RECIPIENT, "10000000000000000", Governed.speed("NORMAL")));
        assertThat(send.status()).as(send.raw()).isEqualTo(200);
        long sendRequest = send.id();
        long sent = send.get("target_id").asLong();
        assertThat(Governed.approve(alice, sendRequest).status()).isEqualTo(200);
        assertThat(Governed.approve(bob, sendRequest).text("status")).isEqualTo("SUBMITTED");

        ApiResponse second = alice.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "1000",
                RECIPIENT, "10000000000000000", Governed.speed("NORMAL")));
        long abandoned = second.get("target_id").asLong();
        assertThat(Governed.reject(alice, second.id()).text("status")).isEqualTo("ABORTED");

        // A change that fails writes nothing: no event either.
        long before = lastSeq(admin.client());
        assertThat(alice.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", ETH.multiply(
                BigInteger.valueOf(100)).toString(), RECIPIENT, "10000000000000000", Governed.speed("NORMAL"))).status())
                .isEqualTo(400);
        assertThat(lastSeq(admin.client())).isEqualTo(before);

        ApiResponse group = admin.client().post("/requests", Map.of("type", "CREATE_GROUP", "data",
                Map.of("name", Sandbox.uniqueName("desk"), "members", List.of(alice.id()))));
        assertThat(group.status()).as(group.raw()).isEqualTo(200);
        assertThat(Governed.approve(admin, group.id()).text("status")).isEqualTo("APPROVED");
        long groupId = group.get("target_id").asLong();

        List<String> expected = List.of(
                "USER NEW_USER_HAS_BEEN_CREATED " + alice.id(),
                "USER NEW_USER_HAS_BEEN_CREATED " + bob.id(),
                "ETHEREUM_ACCOUNT NEW_ACCOUNT_HAS_BEEN_CREATED " + accountId,
                "TRANSACTION NEW_TRANSACTION_HAS_BEEN_RECEIVED " + deposit,
                "REQUEST REQUEST_HAS_BEEN_CREATED " + sendRequest,
                "REQUEST REQUEST_HAS_RECEIVED_AN_APPROVAL " + sendRequest,
                "REQUEST REQUEST_HAS_REACHED_STEP " + sendRequest,
                "REQUEST REQUEST_HAS_RECEIVED_AN_APPROVAL " + sendRequest,
                "REQUEST REQUEST_HAS_REACHED_QUORUM " + sendRequest,
                "TRANSACTION NEW_TRANSACTION_HAS_BEEN_SIGNED " + sent,
                "TRANSACTION NEW_TRANSACTION_HAS_BEEN_BROADCASTED " + sent,
                "REQUEST REQUEST_HAS_BEEN_CREATED " + second.id(),
                "REQUEST REQUEST_HAS_BEEN_ABORTED " + second.id(),
                "TRANSACTION NEW_TRANSACTION_HAS_BEEN_ABORTED " + abandoned,
                "REQUEST REQUEST_HAS_BEEN_CREATED " + group.id(),
                "REQUEST REQUEST_HAS_RECEIVED_AN_APPROVAL " + group.id(),
                "REQUEST REQUEST_HAS_REACHED_QUORUM " + group.id(),
                "GROUP NEW_GROUP_HAS_BEEN_CREATED " + groupId);

        // The feed: gapless numbers from the subscription on, exactly the story's events in order.
        List<JsonNode> events = feed(admin.client(), start);
        assertThat(events.stream().map(WebhooksCases::key).toList()).containsExactlyElementsOf(expected);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).path("seq").asLong()).isEqualTo(start + 1 + i);
        }

        // The webhook: the same events, each once, in order per object, every signature verified by the receiver.
        awaitAccepted(path, expected.size());
        List<WebhookReceiver.Received> received = receiver.accepted(path);
        assertThat(receiver.problems()).isEmpty();
        assertThat(received).hasSize(expected.size());
        assertOncePerEventInOrderPerObject(received);
        Map<Long, String> bySeq = new HashMap<>();
        received.forEach(r -> bySeq.put(r.seq(), r.key()));
        events.forEach(e -> assertThat(bySeq.get(e.path("seq").asLong())).isEqualTo(key(e)));
        assertThat(received.stream().min(java.util.Comparator.comparingLong(WebhookReceiver.Received::seq)).orElseThrow()
                .body()).isEqualTo("{\"payload_type\":\"USER\",\"event_type\":"
                + "\"NEW_USER_HAS_BEEN_CREATED\",\"id\":" + alice.id() + "}");

        // The receiver answers before the server records the answer: wait for the last record.
        ServerProcess.await(PATIENCE, "every delivery recorded", () -> admin.client()
                .get("/notifications/deliveries?status=DELIVERED&limit=1000").get("deliveries").size() == expected.size());
        JsonNode deliveries = admin.client().get("/notifications/deliveries?status=DELIVERED&limit=1000").get("deliveries");
        deliveries.forEach(d -> assertThat(d.path("last_status").asInt()).isEqualTo(200));
    }

    @Test
    void anOutageIsRiddenOutWithEveryEventDeliveredOnceAndInOrder() throws Exception {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        WebhookReceiver flaky = WebhookReceiver.start(0);
        int port = flaky.port();
        String path = "/outage";
        String secret = "outage-secret";
        assertThat(configure(admin.client(), flaky.url(path, secret), secret).status()).isEqualTo(200);
        long start = lastSeq(admin.client());
        JsonNode first = Sandbox.account(admin.client(), "ethereum");
        JsonNode other = Sandbox.account(admin.client(), "bitcoin");

        // First the receiver answers 503 (to everything, so nothing is accepted at the moment it goes), then it is gone.
        flaky.refuseNext(Integer.MAX_VALUE);
        for (int i = 0; i < 3; i++) {
            Sandbox.deposit(admin.client(), first.path("id").asLong(), "100" + i);
            Sandbox.deposit(admin.client(), other.path("id").asLong(), "200" + i);
        }
        ServerProcess.await(PATIENCE, "the receiver refused eight posts", () -> flaky.attempts() >= 8);
        flaky.close();
        Sandbox.deposit(admin.client(), first.path("id").asLong(), "3000");
        ServerProcess.await(PATIENCE, "a delivery failing without an answer", () -> admin.client()
                .get("/notifications/deliveries?status=PENDING").get("deliveries").findValuesAsText("last_error").stream()
                .anyMatch(error -> error.startsWith("could not post")));

        // The receiver comes back on the same address; everything arrives, once, in order per object.
        WebhookReceiver back = WebhookReceiver.start(port);
        try {
            back.url(path, secret);
            List<JsonNode> events = feed(admin.client(), start);
            assertThat(events).hasSize(2 + 7);
            List<WebhookReceiver.Received> before = flaky.accepted(path);
            ServerProcess.await(PATIENCE, "every event after the outage",
                    () -> before.size() + back.accepted(path).size() >= events.size());
            List<WebhookReceiver.Received> all = new ArrayList<>(before);
            all.addAll(back.accepted(path));
            assertThat(flaky.problems()).isEmpty();
            assertThat(back.problems()).isEmpty();
            assertOncePerEventInOrderPerObject(all);
            assertThat(all.stream().map(WebhookReceiver.Received::seq).sorted().toList())
                    .containsExactlyElementsOf(events.stream().map(e -> e.path("seq").asLong()).toList());
            ServerProcess.await(PATIENCE, "every delivery recorded", () -> admin.client()
                    .get("/notifications/deliveries?status=DELIVERED&limit=1000").get("deliveries").size() == events.size());
            JsonNode delivered = admin.client().get("/notifications/deliveries?limit=1000").get("deliveries");
            assertThat(delivered.findValuesAsText("status")).containsOnly("DELIVERED");
            assertThat(delivered.findValues("tries").stream().mapToInt(JsonNode::asInt).max().orElse(0)).isGreaterThan(1);
        } finally {
            back.close();
        }
    }

    @Test
    void eachUserHearsOnlyOfWhatItMaySeeAndItsFeedAgrees() throws Exception {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        Approver alice = Governed.operator(server, ws[0], admin.client());
        JsonNode mine = Governed.account(admin.client(), "ethereum", List.of(Governed.step(1, alice)));
        JsonNode theirs = Sandbox.account(admin.client(), "ethereum");
        long entity = admin.client().post("/sandbox/entities", Map.of("name", Sandbox.uniqueName("e"), "accounts",
                List.of(theirs.path("id").asLong()))).id();
        ApiResponse issued = admin.client().post("/reporting-keys", Map.of("name", Sandbox.uniqueName("auditor"),
                "entities", List.of(entity)));
        ApiClient auditor = new ApiClient(server.baseUrl(), Map.of("X-Ledger-Workspace", ws[0],
                "X-Ledger-Reporting-API-Key", issued.text("key")));
        String alicePath = "/alice-" + ws[0];
        String auditorPath = "/auditor-" + ws[0];
        assertThat(configure(alice.client(), receiver.url(alicePath, "alice-secret"), "alice-secret").status()).isEqualTo(200);
        ApiResponse auditorSet = configure(auditor, receiver.url(auditorPath, "auditor-secret"), "auditor-secret");
        assertThat(auditorSet.status()).as("reporting keys set webhooks too: " + auditorSet.raw()).isEqualTo(200);
        long start = lastSeq(admin.client());

        long toMine = Sandbox.deposit(admin.client(), mine.path("id").asLong(), ETH.toString()).path("id").asLong();
        long toTheirs = Sandbox.deposit(admin.client(), theirs.path("id").asLong(), ETH.toString()).path("id").asLong();
        Approver bob = Governed.operator(server, ws[0], admin.client());
        Sandbox.mine(admin.client(), "ethereum", 12);
        long request = alice.client().post("/requests", Governed.send(mine, "ETHEREUM_LIKE_SEND", "1000", RECIPIENT,
                "10000000000000000", Governed.speed("NORMAL"))).id();

        List<String> aliceExpects = List.of("TRANSACTION NEW_TRANSACTION_HAS_BEEN_RECEIVED " + toMine,
                "REQUEST REQUEST_HAS_BEEN_CREATED " + request);
        List<String> auditorExpects = List.of("TRANSACTION NEW_TRANSACTION_HAS_BEEN_RECEIVED " + toTheirs);
        assertThat(feed(alice.client(), start).stream().map(WebhooksCases::key).toList()).containsExactlyElementsOf(aliceExpects);
        assertThat(feed(auditor, start).stream().map(WebhooksCases::key).toList()).containsExactlyElementsOf(auditorExpects);
        assertThat(feed(admin.client(), start).stream().map(WebhooksCases::key).toList())
                .contains("USER NEW_USER_HAS_BEEN_CREATED " + bob.id()).hasSize(4);

        awaitAccepted(alicePath, aliceExpects.size());
        awaitAccepted(auditorPath, auditorExpects.size());
        // A later event for everyone who sees everything marks the end: nothing more is on its way to them.
        Sandbox.deposit(admin.client(), theirs.path("id").asLong(), "1");
        awaitAccepted(auditorPath, 2);
        assertThat(receiver.accepted(alicePath).stream().map(WebhookReceiver.Received::key).toList())
                .containsExactlyInAnyOrderElementsOf(aliceExpects);
        assertThat(receiver.problems()).isEmpty();
    }

    @Test
    void theConfigurationFollowsTheSpecAndRefusesUnsafeTargets() throws Exception {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        ApiClient client = admin.client();
        ApiResponse none = client.get("/notifications/configuration");
        assertThat(none.status()).isEqualTo(404);

        for (String bad : List.of("http://example.com/hook", "ftp://127.0.0.1/x", "https://user:pw@127.0.0.1/x",
                "https://10.1.2.3/hook", "https://169.254.169.254/latest", "https://[::ffff:10.0.0.1]/x", "not a url",
                "https://192.168.1.1/x", "http://0.0.0.0:80/x")) {
            ApiResponse refused = configure(client, bad, "s3cret");
            assertThat(refused.status()).as(bad + ": " + refused.raw()).isEqualTo(400);
        }
        for (String body : List.of("{}", "{\"all\":{\"webhook\":{\"url\":\"http://127.0.0.1/x\"}}}",
                "{\"all\":{\"webhook\":{\"url\":\"http://127.0.0.1/x\",\"secret\":7}}}",
                "{\"all\":{\"webhook\":{\"url\":\"http://127.0.0.1/x\",\"secret\":\"\"}}}",
                "{\"all\":{\"webhook\":{\"url\":\"http://127.0.0.1/x\",\"secret\":\"s\",\"extra\":1}}}",
                "{\"all\":{\"webhook\":\"x\"}}", "[]", "{\"all\":{\"webhook\":{\"url\":\"http://127.0.0.1/x\",\"secret\":\""
                        + "x".repeat(257) + "\"}}}")) {
            ApiResponse refused = client.send("PUT", "/notifications/configuration", body);
            assertThat(refused.status()).as(body + ": " + refused.raw()).isEqualTo(400);
        }
        assertThat(client.get("/notifications/configuration").status()).as("nothing was stored").isEqualTo(404);

        String path = "/config-" + ws[0];
        String secret = "short";
        ApiResponse set = configure(client, receiver.url(path, secret), secret);
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.get("all").path("webhook").path("secret").asText()).isEqualTo("****");
        JsonNode read = client.get("/notifications/configuration").json();
        assertThat(read.path("all").path("webhook").path("url").asText()).isEqualTo(receiver.url(path, secret));
        assertThat(read.toString()).doesNotContain(secret + "\"");

        // Writing back what was read keeps the secret: deliveries still verify with it.
        ApiResponse again = configure(client, receiver.url(path, secret), "****");
        assertThat(again.status()).isEqualTo(200);
        Sandbox.account(client, "ethereum");
        awaitAccepted(path, 1);
        assertThat(receiver.problems()).isEmpty();

        // Switched off: answered as null, and what is still pending is cancelled rather than posted.
        ApiResponse off = client.send("PUT", "/notifications/configuration", "{\"all\":{\"webhook\":null}}");
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.get("all").has("webhook")).isTrue();
        assertThat(off.get("all").get("webhook").isNull()).isTrue();
        assertThat(client.get("/notifications/configuration").get("all").get("webhook").isNull()).isTrue();
        Sandbox.account(client, "ethereum");
        Thread.sleep(500);
        assertThat(receiver.accepted(path)).hasSize(1);

        // Deliveries belong to their user: another user's id is a 404, as is an unknown one.
        long delivered = client.get("/notifications/deliveries").get("deliveries").get(0).path("id").asLong();
        Approver alice = Governed.operator(server, ws[0], client);
        assertThat(alice.client().post("/notifications/deliveries/" + delivered + "/redeliver", Map.of()).status()).isEqualTo(404);
        assertThat(client.get("/notifications/deliveries?status=NOPE").status()).isEqualTo(400);
        assertThat(client.get("/events?after=-1").status()).isEqualTo(400);
        assertThat(client.get("/events?limit=0").status()).isEqualTo(400);
        assertThat(client.get("/events?limit=1001").status()).isEqualTo(400);

        // A redelivery posts a delivered event again, once the webhook is on again.
        assertThat(configure(client, receiver.url(path, secret), secret).status()).isEqualTo(200);
        // Like every POST it takes an Idempotency-Key (and counts against the hourly limit of other POSTs).
        assertThat(client.with("Idempotency-Key", "").post("/notifications/deliveries/" + delivered + "/redeliver",
                Map.of()).status()).isEqualTo(400);
        ApiResponse redelivered = client.post("/notifications/deliveries/" + delivered + "/redeliver", Map.of());
        assertThat(redelivered.status()).as(redelivered.raw()).isEqualTo(200);
        assertThat(redelivered.get("tries").asInt()).isZero();
        ServerProcess.await(PATIENCE, "the redelivery", () -> receiver.accepted(path).size() >= 2);
        assertThat(receiver.accepted(path).get(1).seq()).isEqualTo(receiver.accepted(path).get(0).seq());
    }

    @Test
    void settingAWebhookAndRedeliveringCountAsWrites() throws Exception {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        ApiClient client = admin.client();
        String path = "/limited-" + ws[0];
        assertThat(configure(client, receiver.url(path, "limited-secret"), "limited-secret").status()).isEqualTo(200);
        Sandbox.account(client, "ethereum");
        awaitAccepted(path, 1);
        long delivery = client.get("/notifications/deliveries").get("deliveries").get(0).path("id").asLong();
        ApiResponse limits = client.post("/sandbox/rate-limits", Map.of("enabled", true, "other_posts_per_hour", 2));
        assertThat(limits.status()).as(limits.raw()).isEqualTo(200);

        ApiResponse put = configure(client, receiver.url(path, "limited-secret"), "limited-secret");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.headers().firstValue("X-RateLimit-Remaining")).contains("1");
        assertThat(client.post("/notifications/deliveries/" + delivery + "/redeliver", Map.of()).status()).isEqualTo(200);
        ApiResponse over = client.post("/notifications/deliveries/" + delivery + "/redeliver", Map.of());
        assertThat(over.status()).as(over.raw()).isEqualTo(420);
        assertThat(configure(client, receiver.url(path, "limited-secret"), "limited-secret").status()).isEqualTo(420);
        assertThat(client.with("Idempotency-Key", "x".repeat(256)).send("PUT", "/notifications/configuration",
                "{\"all\":{\"webhook\":null}}").status()).as("a malformed key on a PUT").isEqualTo(400);
    }

    @Test
    void concurrentChangesGetGaplessNumbers() throws Exception {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        long start = lastSeq(ws.client());
        List<Long> accounts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            accounts.add(Sandbox.account(ws.client(), "ethereum").path("id").asLong());
        }
        List<ApiResponse> deposits = io.coffer.testing.Parallel.calls(48, i -> ws.client().post("/sandbox/accounts/"
                + accounts.get(i % accounts.size()) + "/deposits", Map.of("amount", "5")));
        deposits.forEach(answer -> assertThat(answer.status()).as(answer.raw()).isEqualTo(200));
        List<JsonNode> events = feed(ws.client(), start);
        assertThat(events).hasSize(4 + 48);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).path("seq").asLong()).isEqualTo(start + 1 + i);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        events.forEach(e -> counts.merge(e.path("event_type").asText(), 1L, Long::sum));
        assertThat(counts).containsEntry("NEW_TRANSACTION_HAS_BEEN_RECEIVED", 48L).containsEntry("NEW_ACCOUNT_HAS_BEEN_CREATED", 4L);
    }

    /**
     * Writers of one workspace at the same moment: their events get gapless, distinct numbers, and
     * each writer's event is in the feed by the time it is answered (over PostgreSQL the number is
     * given just after the commit, by whichever writer takes the counter).
     */
    @Test
    void concurrentWritersOfOneWorkspaceGetGaplessNumbersBeforeTheirAnswer() throws Exception {
        Sandbox.Workspace workspace = Sandbox.workspace(server);
        ApiClient client = workspace.client();
        List<Long> accounts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            accounts.add(Sandbox.account(client, "ethereum").path("id").asLong());
        }
        long before = lastSeq(client);
        int writers = 48;
        List<ApiResponse> answers = io.coffer.testing.Parallel.calls(writers, i -> {
            ApiResponse deposit = client.post("/sandbox/accounts/" + accounts.get(i % accounts.size()) + "/deposits",
                    Map.of("amount", "1"));
            assertThat(deposit.status()).as(deposit.raw()).isEqualTo(200);
            long transaction = deposit.id();
            boolean seen = feed(client, before).stream().anyMatch(event -> event.path("id").asLong() == transaction
                    && event.path("event_type").asText().equals("NEW_TRANSACTION_HAS_BEEN_RECEIVED"));
            assertThat(seen).as("the event of transaction %d is in the feed when its deposit is answered", transaction)
                    .isTrue();
            return deposit;
        });
        List<JsonNode> events = feed(client, before);
        assertThat(events).hasSize(writers);
        List<Long> numbers = events.stream().map(event -> event.path("seq").asLong()).toList();
        assertThat(numbers).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(before + 1, before + writers)
                .boxed().toList());
        assertThat(events.stream().map(event -> event.path("id").asLong()).toList())
                .containsExactlyInAnyOrderElementsOf(answers.stream().map(ApiResponse::id).toList());
        assertThat(lastSeq(client)).isEqualTo(before + writers);
    }
}
