package io.coffer.workspace;

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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every filter, the paging and the ordering of the searches of the workspace model: users, groups,
 * entities, whitelists and labels.
 */
abstract class WorkspaceSearchesCases extends ServerCases {

    static final String ETH = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    static final String BTC = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

    private ApiClient admin;
    private long adminId;
    private long op1;
    private long op2;
    private long op3;
    private long accountA;
    private long accountB;
    private long g1;
    private long g2;
    private long e1;
    private long e2;
    private long w1;
    private long w2;
    private long l1;
    private long l2;
    private String between;

    @BeforeAll
    void workspace() {
        String[] ws = new String[1];
        Approver root = Governed.admin(server, ws);
        adminId = root.id();
        ApiClient a = root.client();
        op1 = Governed.operator(server, ws[0], a).id();
        op2 = Governed.operator(server, ws[0], a).id();
        g1 = a.post("/sandbox/groups", Map.of("name", "alpha", "description", "first", "members", List.of(op1, op2))).id();
        w1 = a.post("/sandbox/whitelists", Map.of("name", "eth-list", "description", "exchanges", "addresses",
                List.of(Map.of("name", "x", "currency", "ethereum", "address", ETH)))).id();
        accountA = Sandbox.account(a, Map.of("name", "a", "currency", "ethereum", "governance_rules", List.of(Map.of(
                "name", "r", "rules", List.of(Map.of("type", "MULTI_AUTHORIZATIONS", "data", List.of(Map.of("users",
                        List.of(op1), "quorum", 1)))))))).path("id").asLong();
        e1 = a.post("/sandbox/entities", Map.of("name", "emea", "accounts", List.of(accountA))).id();
        l1 = a.post("/sandbox/labels", Map.of("name", "hot", "color", "#FF0000")).id();

        a.post("/sandbox/clock", Map.of("advance_seconds", 3600));
        admin = Sandbox.bearerClient(server, ws[0], root.user());
        between = OffsetDateTime.parse(admin.get("/groups/" + g1).text("created_on")).toInstant().plusSeconds(1800).toString();
        Approver third = Governed.operator(server, ws[0], admin);
        op3 = third.id();
        w2 = admin.post("/sandbox/whitelists", Map.of("name", "btc-list", "addresses",
                List.of(Map.of("name", "y", "currency", "bitcoin", "address", BTC)))).id();
        accountB = Sandbox.account(admin, Map.of("name", "b", "currency", "bitcoin", "governance_rules", List.of(Map.of(
                "name", "r", "rules", List.of(
                        Map.of("type", "MULTI_AUTHORIZATIONS", "data", List.of(Map.of("group", g1, "quorum", 1))),
                        Map.of("type", "WHITELIST", "data", List.of(Map.of("whitelist", w2)))))))).path("id").asLong();
        e2 = admin.post("/sandbox/entities", Map.of("name", "apac", "accounts", List.of(accountB))).id();
        l2 = admin.post("/sandbox/labels", Map.of("name", "cold")).id();
        ApiResponse pending = admin.post("/requests", Map.of("type", "CREATE_GROUP", "data", Map.of("name", "beta",
                "members", List.of(op3))));
        assertThat(pending.status()).as(pending.raw()).isEqualTo(200);
        g2 = pending.get("target_id").asLong();
    }

    @Test
    void userFilters() {
        assertThat(search("/users", "")).containsExactlyInAnyOrder(adminId, op1, op2, op3);
        assertThat(search("/users", "id=" + op2)).containsExactly(op2);
        assertThat(search("/users", "username=" + admin.get("/users/" + op3).text("username"))).containsExactly(op3);
        assertThat(search("/users", "role=ADMIN")).containsExactly(adminId);
        assertThat(search("/users", "role=OPERATOR")).containsExactlyInAnyOrder(op1, op2, op3);
        assertThat(search("/users", "role=SHARED_OWNER")).isEmpty();
        assertThat(search("/users", "status=ACTIVE")).hasSize(4);
        assertThat(search("/users", "status=REVOKED")).isEmpty();
        assertThat(search("/users", "account=" + accountA)).containsExactly(op1);
        assertThat(search("/users", "account=" + accountB)).containsExactlyInAnyOrder(op1, op2);
        assertThat(search("/users", "group=" + g1)).containsExactlyInAnyOrder(op1, op2);
        assertThat(search("/users", "created_after=" + encode(between))).containsExactly(op3);
        assertThat(search("/users", "created_before=" + encode(between))).containsExactlyInAnyOrder(adminId, op1, op2);
        assertThat(search("/users", "order_by=id&order=asc")).containsExactly(adminId, op1, op2, op3);
        assertThat(search("/users", "order_by=id&order=asc&page_size=2&page=2")).containsExactly(op2, op3);
        ApiResponse page = admin.get("/users?page_size=3");
        assertThat(page.get("page_info").path("count").asInt()).isEqualTo(4);
        assertThat(page.get("page_info").path("has_next_page").asBoolean()).isTrue();
        assertThat(admin.get("/users?role=GOD").status()).isEqualTo(400);
        assertThat(admin.get("/users?status=ASLEEP").status()).isEqualTo(400);
        assertThat(admin.get("/users?colour=blue").status()).isEqualTo(400);
        assertThat(admin.get("/users?order_by=shoe_size").status()).isEqualTo(400);
    }

    @Test
    void groupFilters() {
        assertThat(search("/groups", "")).containsExactly(g2, g1);
        assertThat(search("/groups", "id=" + g1)).containsExactly(g1);
        assertThat(search("/groups", "name=beta")).containsExactly(g2);
        assertThat(search("/groups", "description=first")).containsExactly(g1);
        assertThat(search("/groups", "members=" + op3)).containsExactly(g2);
        assertThat(search("/groups", "members=" + op3 + "&members=" + op1)).containsExactlyInAnyOrder(g1, g2);
        assertThat(search("/groups", "status=PENDING")).containsExactly(g2);
        assertThat(search("/groups", "status=ACTIVE&status=PENDING")).hasSize(2);
        assertThat(search("/groups", "status=REVOKED")).isEmpty();
        assertThat(search("/groups", "created_after=" + encode(between))).containsExactly(g2);
        assertThat(search("/groups", "created_before=" + encode(between))).containsExactly(g1);
        assertThat(search("/groups", "order_by=name&order=asc")).containsExactly(g1, g2);
        assertThat(admin.get("/groups?status=SLEEPING").status()).isEqualTo(400);
        assertThat(admin.get("/groups?members=x").status()).isEqualTo(400);
    }

    @Test
    void entityFilters() {
        assertThat(search("/entities", "")).containsExactly(e2, e1);
        assertThat(search("/entities", "id=" + e1)).containsExactly(e1);
        assertThat(search("/entities", "name=apac")).containsExactly(e2);
        assertThat(search("/entities", "account=" + accountB)).containsExactly(e2);
        assertThat(search("/entities", "account=" + accountA + "&account=" + accountB)).hasSize(2);
        assertThat(search("/entities", "status=ACTIVE")).hasSize(2);
        assertThat(search("/entities", "status=REJECTED")).isEmpty();
        assertThat(search("/entities", "created_after=" + encode(between))).containsExactly(e2);
        assertThat(search("/entities", "order=asc")).containsExactly(e1, e2);
        JsonNode entity = admin.get("/entities/" + e2).json();
        assertThat(entity.path("accounts").get(0).asLong()).isEqualTo(accountB);
        List<Long> users = new ArrayList<>();
        admin.get("/entities/" + e2 + "/users").get("users").forEach(user -> users.add(user.path("id").asLong()));
        assertThat(users).containsExactlyInAnyOrder(op1, op2);
    }

    @Test
    void whitelistFilters() {
        assertThat(search("/whitelists", "")).containsExactly(w2, w1);
        assertThat(search("/whitelists", "id=" + w1)).containsExactly(w1);
        assertThat(search("/whitelists", "name=btc-list")).containsExactly(w2);
        assertThat(search("/whitelists", "description=exchanges")).containsExactly(w1);
        assertThat(search("/whitelists", "address=" + ETH.toLowerCase())).containsExactly(w1);
        assertThat(search("/whitelists", "account=" + accountB)).containsExactly(w2);
        assertThat(search("/whitelists", "account=" + accountA)).isEmpty();
        assertThat(search("/whitelists", "status=ACTIVE")).hasSize(2);
        assertThat(search("/whitelists", "created_before=" + encode(between))).containsExactly(w1);
        assertThat(search("/whitelists", "order_by=name&order=asc")).containsExactly(w2, w1);
    }

    @Test
    void labelFilters() {
        assertThat(search("/labels", "")).containsExactly(l2, l1);
        assertThat(search("/labels", "id=" + l1)).containsExactly(l1);
        assertThat(search("/labels", "name=cold")).containsExactly(l2);
        assertThat(search("/labels", "created_after=" + encode(between))).containsExactly(l2);
        assertThat(search("/labels", "order_by=name&order=asc")).containsExactly(l2, l1);
        assertThat(admin.get("/labels/" + l1).get("info").path("color").asText()).isEqualTo("#FF0000");
        assertThat(admin.get("/labels/999999").status()).isEqualTo(404);
        assertThat(admin.post("/sandbox/labels", Map.of("name", "hot")).status()).as("a name twice").isEqualTo(400);
        assertThat(admin.post("/sandbox/labels", Map.of("name", "x", "color", "red")).status()).isEqualTo(400);
    }

    @Test
    void accountAndTransactionFiltersByEntityGroupUserAndLabel() {
        assertThat(search("/accounts", "entity=" + e1)).containsExactly(accountA);
        assertThat(search("/accounts", "entity=" + e1 + "&entity=" + e2)).hasSize(2);
        assertThat(search("/accounts", "group=" + g1)).containsExactly(accountB);
        assertThat(search("/accounts", "user=" + op2)).containsExactly(accountB);
        assertThat(admin.post("/sandbox/accounts/" + accountA + "/labels", Map.of("label_id", l1)).status()).isEqualTo(200);
        assertThat(search("/accounts", "account_label=hot")).containsExactly(accountA);
        assertThat(search("/accounts", "account_label=cold")).isEmpty();
        JsonNode labels = admin.get("/accounts/" + accountA + "/labels").json();
        assertThat(labels.get(0).path("name").asText()).isEqualTo("hot");
        assertThat(admin.get("/accounts/" + accountA).get("labels").get(0).path("id").asLong()).isEqualTo(l1);
        long deposit = Sandbox.deposit(admin, accountA, "1000").path("id").asLong();
        Sandbox.deposit(admin, accountA, "2000");
        admin.post("/sandbox/transactions/" + deposit + "/labels", Map.of("label_id", l2));
        assertThat(search("/transactions", "tx_label=cold")).containsExactly(deposit);
        assertThat(search("/transactions", "label=cold")).containsExactly(deposit);
        assertThat(search("/transactions", "tx_label=hot")).isEmpty();
        assertThat(admin.get("/transactions/" + deposit + "/labels").json().get(0).path("id").asLong()).isEqualTo(l2);
        assertThat(admin.post("/sandbox/transactions/" + deposit + "/labels", Map.of("label_id", 999_999)).status())
                .isEqualTo(400);
    }

    private List<Long> search(String path, String query) {
        ApiResponse found = admin.get(path + "?" + query);
        assertThat(found.status()).as(path + "?" + query + " " + found.raw()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        found.get("edges").forEach(edge -> ids.add(edge.path("node").path("id").asLong()));
        return ids;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
