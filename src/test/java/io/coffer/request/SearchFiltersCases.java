package io.coffer.request;

import static io.coffer.request.GovernedSendStoryCases.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Governed;
import io.coffer.testing.Governed.Approver;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every filter of {@code GET /requests} and {@code GET /transactions} over one workspace holding
 * requests in several states: each filter keeps exactly what it names.
 */
abstract class SearchFiltersCases extends ServerCases {

    static final String RECIPIENT = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    static final String OTHER = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";

    private ApiClient admin;
    private Approver alice;
    private Approver bob;
    private long ethAccount;
    private long polygonAccount;
    private long submitted;
    private long pending;
    private long rejected;
    private final Map<Long, Long> targets = new HashMap<>();
    private long deposit;
    private String laterThanFirst;

    @BeforeAll
    void workspaceWithRequestsInSeveralStates() {
        String[] ws = new String[1];
        Approver root = Governed.admin(server, ws);
        alice = Governed.operator(server, ws[0], root.client());
        bob = Governed.operator(server, ws[0], root.client());
        JsonNode eth = Governed.account(root.client(), "ethereum", List.of(Governed.step(1, alice), Governed.step(1, bob)));
        JsonNode polygon = Governed.account(root.client(), "polygon", List.of(Governed.step(1, root), Governed.step(1, bob)));
        ethAccount = eth.path("id").asLong();
        polygonAccount = polygon.path("id").asLong();
        deposit = Sandbox.deposit(root.client(), ethAccount, "5000000000000000000").path("id").asLong();
        Sandbox.deposit(root.client(), polygonAccount, "5000000000000000000");
        Sandbox.mine(root.client(), "ethereum", 12);
        Sandbox.mine(root.client(), "polygon", 128);

        submitted = create(alice.client(), eth, "1000", RECIPIENT, Map.of("title", "payroll", "content", "march"));
        assertThat(Governed.approve(alice, submitted).status()).isEqualTo(200);
        assertThat(Governed.approve(bob, submitted).text("status")).isEqualTo("SUBMITTED");
        root.client().post("/sandbox/clock", Map.of("advance_seconds", 3600));
        admin = Sandbox.bearerClient(server, ws[0], root.user());
        laterThanFirst = java.time.OffsetDateTime.parse(admin.get("/requests/" + submitted).text("created_on")).toInstant()
                .plusSeconds(1800).toString();
        pending = create(admin, polygon, "2000", OTHER, null);
        rejected = create(Sandbox.bearerClient(server, ws[0], alice.user()), eth, "3000", RECIPIENT, null);
        ApiClient aliceLater = Sandbox.bearerClient(server, ws[0], alice.user());
        ApiClient bobLater = Sandbox.bearerClient(server, ws[0], bob.user());
        alice = new Approver(alice.user(), alice.key(), aliceLater);
        bob = new Approver(bob.user(), bob.key(), bobLater);
        assertThat(Governed.approve(alice, rejected).status()).isEqualTo(200);
        assertThat(Governed.reject(bob, rejected).status()).isEqualTo(200);
    }

    private long create(ApiClient client, JsonNode account, String amount, String recipient, Map<String, String> note) {
        Map<String, Object> body = new HashMap<>(Governed.send(account, "ETHEREUM_LIKE_SEND", amount, recipient,
                "10000000000000000", Governed.speed("NORMAL")));
        if (note != null) {
            body.put("note", note);
        }
        ApiResponse created = client.post("/requests", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        targets.put(created.id(), created.get("target_id").asLong());
        return created.id();
    }

    @Test
    void everyRequestFilterKeepsWhatItNames() {
        assertThat(requests("")).containsExactlyInAnyOrder(submitted, pending, rejected);
        assertThat(requests("id=" + pending)).containsExactly(pending);
        assertThat(requests("created_by=" + alice.id())).containsExactlyInAnyOrder(submitted, rejected);
        assertThat(requests("approved_by=" + bob.id())).containsExactly(submitted);
        assertThat(requests("approved_by=" + alice.id())).containsExactlyInAnyOrder(submitted, rejected);
        assertThat(requests("rejected_by=" + bob.id())).containsExactly(rejected);
        assertThat(requests("pending_by=" + bob.id())).isEmpty();
        assertThat(requests("pending_by=" + adminId())).containsExactly(pending);
        assertThat(requests("status=SUBMITTED&status=REJECTED")).containsExactlyInAnyOrder(submitted, rejected);
        assertThat(requests("status=PENDING_FIRST_APPROVAL")).containsExactly(pending);
        assertThat(requests("target_id=" + targets.get(rejected))).containsExactly(rejected);
        assertThat(requests("target_type=TRANSACTION")).hasSize(3);
        assertThat(requests("target_type=ACCOUNT")).isEmpty();
        assertThat(requests("type=CREATE_TRANSACTION")).hasSize(3);
        assertThat(requests("type=CREATE_ACCOUNT")).isEmpty();
        assertThat(requests("created_after=" + encode(laterThanFirst))).containsExactlyInAnyOrder(pending, rejected);
        assertThat(requests("created_before=" + encode(laterThanFirst))).containsExactly(submitted);
        assertThat(requests("order_by=id&order=desc&page_size=1")).containsExactly(rejected);
        assertThat(admin.get("/requests?type=TELEPORT").status()).isEqualTo(400);
        assertThat(admin.get("/requests?created_after=yesterday").status()).isEqualTo(400);
        assertThat(admin.get("/requests?approved_by=x").status()).isEqualTo(400);
    }

    @Test
    void everyTransactionFilterKeepsWhatItNames() {
        long sent = targets.get(submitted);
        long waiting = targets.get(pending);
        long refused = targets.get(rejected);
        assertThat(transactions("type=SEND")).containsExactlyInAnyOrder(sent, waiting, refused);
        assertThat(transactions("type=RECEIVE")).hasSize(2).contains(deposit);
        assertThat(transactions("id=" + waiting)).containsExactly(waiting);
        assertThat(transactions("account=" + polygonAccount + "&type=SEND")).containsExactly(waiting);
        assertThat(transactions("account=" + polygonAccount + "&account=" + ethAccount)).hasSize(5);
        assertThat(transactions("currency=polygon")).hasSize(2).contains(waiting);
        assertThat(transactions("status=SUBMITTED")).containsExactly(sent);
        assertThat(transactions("status=PENDING_APPROVAL&status=REJECTED")).containsExactlyInAnyOrder(waiting, refused);
        assertThat(transactions("type=SEND&min_amount=2000")).containsExactlyInAnyOrder(waiting, refused);
        assertThat(transactions("type=SEND&max_amount=2000")).containsExactlyInAnyOrder(sent, waiting);
        assertThat(transactions("recipient=" + OTHER)).containsExactly(waiting);
        String hash = admin.get("/transactions/" + sent).text("tx_hash");
        assertThat(transactions("tx_hash=" + hash)).containsExactly(sent);
        assertThat(transactions("title=payroll")).containsExactly(sent);
        assertThat(transactions("type=SEND&created_after=" + encode(laterThanFirst)))
                .containsExactlyInAnyOrder(waiting, refused);
        assertThat(transactions("memo=hello")).isEmpty();
        assertThat(transactions("tx_label=tag")).isEmpty();
        assertThat(admin.get("/transactions/" + sent + "/labels").json()).isEmpty();
        assertThat(admin.get("/transactions?status=LOST").status()).isEqualTo(400);
        assertThat(admin.get("/transactions?min_amount=-1").status()).isEqualTo(400);
    }

    @Test
    void accountHistoryListsTheRequestsOnTheAccount() {
        // Accounts made through the sandbox have no creating request; sends are the transactions' history.
        ApiResponse history = admin.get("/accounts/" + polygonAccount + "/history");
        assertThat(history.status()).as(history.raw()).isEqualTo(200);
        assertThat(history.get("history").isArray()).isTrue();
        assertThat(history.get("history")).isEmpty();
        assertThat(admin.get("/accounts/999999/history").status()).isEqualTo(404);
        ApiResponse sync = admin.get("/accounts/" + ethAccount + "/sync");
        assertThat(sync.status()).as(sync.raw()).isEqualTo(200);
        assertThat(bob.client().get("/accounts/999999/sync").status()).isEqualTo(404);
    }

    private long adminId() {
        return admin.get("/requests/" + pending).get("created_by").asLong();
    }

    private List<Long> requests(String query) {
        return ids(admin.get("/requests?" + query));
    }

    private List<Long> transactions(String query) {
        return ids(admin.get("/transactions?" + query));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
