package io.coffer.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.ApproverKey;
import io.coffer.testing.Governed;
import io.coffer.testing.Governed.Approver;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The workspace model through HTTP: admins add an admin and raise their quorum, create a group and a
 * whitelist through requests each approved by two admins with their own keys, open an account that
 * uses both, and an operator of the group sends: outside the whitelist it is refused, inside it
 * completes. Every object keeps the history of the requests that made and changed it.
 */
abstract class WorkspaceModelStoryCases extends ServerCases {

    static final String INSIDE = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    static final String OUTSIDE = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";

    @Test
    void adminsGovernTheWorkspaceAndItsRulesGovernTheSends() {
        String[] ws = new String[1];
        Approver alice = Governed.admin(server, ws);
        Approver ops = Governed.operator(server, ws[0], alice.client());
        Approver ops2 = Governed.operator(server, ws[0], alice.client());

        // A second admin, requested and approved (the quorum is still 1: the creator's approval suffices).
        ApproverKey bobKey = ApproverKey.generate();
        ApiResponse bobRequest = alice.client().post("/requests", admin("CREATE_API_USER", Map.of(
                "username", "bob", "role", "ADMIN", "public_key", bobKey.publicHex())));
        assertThat(bobRequest.status()).as(bobRequest.raw()).isEqualTo(200);
        assertThat(bobRequest.text("target_type")).isEqualTo("USER");
        long bobId = bobRequest.get("target_id").asLong();
        assertThat(alice.client().get("/users/" + bobId).text("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(alice.client().post("/sandbox/api-users/" + bobId + "/api-access", Map.of()).status())
                .as("no access before approval").isEqualTo(400);
        assertThat(Governed.approve(alice, bobRequest.id()).text("status")).isEqualTo("APPROVED");
        JsonNode bobUser = alice.client().get("/users/" + bobId).json();
        assertThat(bobUser.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(bobUser.path("role").asText()).isEqualTo("ADMIN");
        assertThat(bobUser.path("pub_key").asText()).isEqualTo(bobKey.publicHex());
        ApiResponse access = alice.client().post("/sandbox/api-users/" + bobId + "/api-access", Map.of());
        assertThat(access.status()).as(access.raw()).isEqualTo(200);
        Approver bob = new Approver(access.get("api_user"), bobKey,
                Sandbox.bearerClient(server, ws[0], access.get("api_user")));

        // Quorum 2 from now on.
        assertThat(alice.client().post("/requests", admin("UPDATE_QUORUM", Map.of("quorum", 3))).status())
                .as("more than the admins").isEqualTo(400);
        long quorum = alice.client().post("/requests", admin("UPDATE_QUORUM", Map.of("quorum", 2))).id();
        assertThat(Governed.approve(alice, quorum).text("status")).isEqualTo("APPROVED");
        JsonNode organization = bob.client().get("/organization").json();
        assertThat(organization.path("quorum").asInt()).isEqualTo(2);
        assertThat(organization.path("num_admins").asInt()).isEqualTo(2);
        assertThat(organization.path("workspace").asText()).isEqualTo(ws[0]);

        // A group, requested by Alice: pending until Bob approves too.
        ApiResponse groupRequest = alice.client().post("/requests", admin("CREATE_GROUP", Map.of(
                "name", "traders", "description", "desk", "members", List.of(ops.id()))));
        assertThat(groupRequest.status()).as(groupRequest.raw()).isEqualTo(200);
        long groupId = groupRequest.get("target_id").asLong();
        assertThat(Governed.approve(bob, groupRequest.id()).status()).as("the creator approves first").isEqualTo(400);
        assertThat(Governed.approve(alice, groupRequest.id()).text("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(alice.client().get("/groups/" + groupId).text("status")).isEqualTo("PENDING");
        assertThat(Governed.approve(alice, groupRequest.id()).status()).as("a second vote").isEqualTo(400);
        assertThat(Governed.approve(bob, groupRequest.id()).text("status")).isEqualTo("APPROVED");
        JsonNode group = alice.client().get("/groups/" + groupId).json();
        assertThat(group.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(ids(group.path("members"))).containsExactly(ops.id());
        assertThat(group.path("last_request").asLong()).isEqualTo(groupRequest.id());

        // A whitelist with one Ethereum address.
        ApiResponse listRequest = alice.client().post("/requests", admin("CREATE_WHITELIST", Map.of("name", "counterparties",
                "addresses", List.of(Map.of("name", "exchange", "currency", "ethereum", "address", INSIDE)))));
        assertThat(listRequest.status()).as(listRequest.raw()).isEqualTo(200);
        long whitelistId = listRequest.get("target_id").asLong();
        Governed.approve(alice, listRequest.id());
        assertThat(Governed.approve(bob, listRequest.id()).text("status")).isEqualTo("APPROVED");
        assertThat(alice.client().get("/whitelists/" + whitelistId).get("addresses").get(0).path("address").asText())
                .isEqualTo(INSIDE);

        // An account governed by the group and restricted to the whitelist.
        Map<String, Object> accountData = new LinkedHashMap<>();
        accountData.put("account_data", Map.of("name", "desk-eth", "currency", "ethereum"));
        accountData.put("governance_rules", List.of(Map.of("name", "desk", "rules", List.of(
                Map.of("type", "MULTI_AUTHORIZATIONS", "data", List.of(Map.of("group", groupId, "quorum", 1))),
                Map.of("type", "WHITELIST", "data", List.of(Map.of("whitelist", whitelistId)))))));
        ApiResponse accountRequest = alice.client().post("/requests", admin("CREATE_ACCOUNT", accountData));
        assertThat(accountRequest.status()).as(accountRequest.raw()).isEqualTo(200);
        long accountId = accountRequest.get("target_id").asLong();
        assertThat(alice.client().get("/accounts/" + accountId).text("status")).isEqualTo("PENDING");
        assertThat(ops.client().get("/accounts/" + accountId).text("status")).as("the group's member sees it").isEqualTo("PENDING");
        assertThat(ops2.client().get("/accounts/" + accountId).status()).isEqualTo(404);
        Governed.approve(alice, accountRequest.id());
        assertThat(Governed.approve(bob, accountRequest.id()).text("status")).isEqualTo("APPROVED");
        JsonNode account = ops.client().get("/accounts/" + accountId).json();
        assertThat(account.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(account.path("last_request").asLong()).isEqualTo(accountRequest.id());
        assertThat(ids(alice.client().get("/users?account=" + accountId).get("edges"), "node")).containsExactly(ops.id());
        assertThat(ids(alice.client().get("/whitelists?account=" + accountId).get("edges"), "node"))
                .containsExactly(whitelistId);
        assertThat(ids(alice.client().get("/accounts?group=" + groupId).get("edges"), "node")).containsExactly(accountId);

        Sandbox.deposit(alice.client(), accountId, "1000000000000000000");
        Sandbox.mine(alice.client(), "ethereum", 12);
        ApiResponse outside = ops.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "1000", OUTSIDE,
                "10000000000000000", Governed.speed("NORMAL")));
        assertThat(outside.status()).as(outside.raw()).isEqualTo(400);
        assertThat(outside.text("message")).contains("whitelist");
        assertThat(ops2.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "1000", INSIDE,
                "10000000000000000", Governed.speed("NORMAL"))).status()).as("not a member").isEqualTo(400);
        ApiResponse inside = ops.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "1000",
                INSIDE.toLowerCase(), "10000000000000000", Governed.speed("NORMAL")));
        assertThat(inside.status()).as(inside.raw()).isEqualTo(200);
        JsonNode governance = ops.client().get("/requests/" + inside.id() + "/governance-status").json();
        assertThat(governance.path("governance_steps").get(0).path("group").path("id").asLong()).isEqualTo(groupId);
        assertThat(Governed.approve(ops, inside.id()).text("status")).isEqualTo("SUBMITTED");
        Sandbox.mine(alice.client(), "ethereum", 12);
        assertThat(ops.client().get("/transactions/" + inside.get("target_id").asLong()).text("status"))
                .isEqualTo("CONFIRMED");

        // Every object shows the requests that made it, with the statuses they went through.
        assertThat(history(alice.client(), "/groups/" + groupId)).containsExactly(
                "CREATE_GROUP:PENDING_FIRST_APPROVAL", "CREATE_GROUP:PENDING_APPROVAL", "CREATE_GROUP:APPROVED");
        assertThat(history(alice.client(), "/whitelists/" + whitelistId)).last().isEqualTo("CREATE_WHITELIST:APPROVED");
        assertThat(history(alice.client(), "/accounts/" + accountId)).last().isEqualTo("CREATE_ACCOUNT:APPROVED");
        assertThat(history(alice.client(), "/users/" + bobId)).containsExactly(
                "CREATE_API_USER:PENDING_FIRST_APPROVAL", "CREATE_API_USER:APPROVED");

        // Editing the group moves visibility with its members; a rejected entity stays rejected.
        long edit = alice.client().post("/requests", admin("EDIT_GROUP", Map.of("group_id", groupId,
                "members", List.of(ops.id(), ops2.id())))).id();
        assertThat(alice.client().post("/requests", admin("REVOKE_GROUP", Map.of("group_id", groupId))).status())
                .as("one open request per object").isEqualTo(400);
        Governed.approve(alice, edit);
        Governed.approve(bob, edit);
        assertThat(ops2.client().get("/accounts/" + accountId).status()).isEqualTo(200);
        assertThat(history(alice.client(), "/groups/" + groupId)).hasSize(6);
        long entityRequest = alice.client().post("/requests", admin("CREATE_ENTITY", Map.of("name", "emea",
                "accounts", List.of(accountId)))).id();
        Governed.approve(alice, entityRequest);
        assertThat(Governed.reject(bob, entityRequest).text("status")).isEqualTo("ABORTED");
        long entityId = alice.client().get("/requests/" + entityRequest).get("target_id").asLong();
        JsonNode entity = alice.client().get("/entities/" + entityId).json();
        assertThat(entity.path("status").asText()).isEqualTo("REJECTED");
        assertThat(entity.path("accounts")).isEmpty();
        assertThat(history(alice.client(), "/entities/" + entityId)).containsExactly("CREATE_ENTITY:PENDING_FIRST_APPROVAL",
                "CREATE_ENTITY:PENDING_APPROVAL", "CREATE_ENTITY:REJECTED");
        assertThat(alice.client().post("/requests", admin("REVOKE_GROUP", Map.of("group_id", groupId))).status())
                .as("a group in use").isEqualTo(400);

        // Revoking an operator ends its access.
        long revoke = alice.client().post("/requests", admin("REVOKE_USER", Map.of("user_id", ops2.id()))).id();
        Governed.approve(alice, revoke);
        Governed.approve(bob, revoke);
        assertThat(alice.client().get("/users/" + ops2.id()).text("status")).isEqualTo("REVOKED");
        assertThat(ops2.client().get("/accounts").status()).isEqualTo(401);
        assertThat(ops.client().post("/requests", admin("CREATE_GROUP", Map.of("name", "x", "members", List.of(ops.id()))))
                .status()).as("operators do not make administrative requests").isEqualTo(400);
    }

    @Test
    void editsAndRevocationsApplyWhenApproved() {
        String[] ws = new String[1];
        Approver alice = Governed.admin(server, ws);
        ApiClient c = alice.client();
        Approver op1 = Governed.operator(server, ws[0], c);
        Approver op2 = Governed.operator(server, ws[0], c);
        long whitelist = c.post("/sandbox/whitelists", Map.of("name", "w", "addresses", List.of(Map.of("name", "a",
                "currency", "ethereum", "address", INSIDE)))).id();
        JsonNode account = Governed.account(c, "ethereum", List.of(Governed.step(1, op1)));
        long accountId = account.path("id").asLong();
        long other = Governed.account(c, "ethereum", List.of(Governed.step(1, op2))).path("id").asLong();
        long entity = c.post("/sandbox/entities", Map.of("name", "e", "accounts", List.of(accountId))).id();
        assertThat(op1.client().get("/accounts/" + other).status()).isEqualTo(404);

        // EDIT_ENTITY: the other account joins; op1 now sees it through the entity.
        approved(alice, admin("EDIT_ENTITY", Map.of("entity_id", entity, "name", "emea", "accounts",
                List.of(accountId, other))));
        assertThat(c.get("/entities/" + entity).text("name")).isEqualTo("emea");
        assertThat(op1.client().get("/accounts/" + other).status()).isEqualTo(200);

        // EDIT_ACCOUNT: op2 approves it now, under a whitelist; the name changes.
        Map<String, Object> edit = new LinkedHashMap<>();
        edit.put("account_id", accountId);
        edit.put("name", "renamed");
        edit.put("governance_rules", List.of(Map.of("name", "r", "rules", List.of(
                Map.of("type", "MULTI_AUTHORIZATIONS", "data", List.of(Governed.step(1, op2))),
                Map.of("type", "WHITELIST", "data", List.of(Map.of("whitelist", whitelist)))))));
        approved(alice, admin("EDIT_ACCOUNT", edit));
        JsonNode edited = c.get("/accounts/" + accountId).json();
        assertThat(edited.path("name").asText()).isEqualTo("renamed");
        assertThat(edited.path("governance_rules")).hasSize(1);
        assertThat(edited.path("governance_rules").get(0).path("rules")).hasSize(2);
        assertThat(ids(c.get("/users?account=" + accountId).get("edges"), "node")).containsExactly(op2.id());
        Sandbox.deposit(c, accountId, "1000000000000000000");
        Sandbox.mine(c, "ethereum", 12);
        JsonNode renamed = c.get("/accounts/" + accountId).json();
        assertThat(op2.client().post("/requests", Governed.send(renamed, "ETHEREUM_LIKE_SEND", "1000", OUTSIDE,
                "10000000000000000", Governed.speed("NORMAL"))).status()).as("outside the whitelist").isEqualTo(400);

        // EDIT_WHITELIST: the other address is added; the send is now allowed.
        approved(alice, admin("EDIT_WHITELIST", Map.of("whitelist_id", whitelist, "description", "both", "addresses",
                List.of(Map.of("name", "a", "currency", "ethereum", "address", INSIDE),
                        Map.of("name", "b", "currency", "ethereum", "address", OUTSIDE)))));
        assertThat(c.get("/whitelists/" + whitelist).get("addresses")).hasSize(2);
        ApiResponse send = op2.client().post("/requests", Governed.send(renamed, "ETHEREUM_LIKE_SEND", "1000", OUTSIDE,
                "10000000000000000", Governed.speed("NORMAL")));
        assertThat(send.status()).as(send.raw()).isEqualTo(200);

        // REVOKE_ENTITY: its accounts are released, and op1 no longer sees the other account.
        approved(alice, admin("REVOKE_ENTITY", Map.of("entity_id", entity)));
        JsonNode revoked = c.get("/entities/" + entity).json();
        assertThat(revoked.path("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.path("accounts")).isEmpty();
        assertThat(op1.client().get("/accounts/" + other).status()).isEqualTo(404);
        assertThat(history(c, "/entities/" + entity)).containsExactly("EDIT_ENTITY:PENDING_FIRST_APPROVAL",
                "EDIT_ENTITY:APPROVED", "REVOKE_ENTITY:PENDING_FIRST_APPROVAL", "REVOKE_ENTITY:APPROVED");
        assertThat(history(c, "/whitelists/" + whitelist)).containsExactly("EDIT_WHITELIST:PENDING_FIRST_APPROVAL",
                "EDIT_WHITELIST:APPROVED");
    }

    @Test
    void changesAreCheckedAgainWhenApprovedAndPendingAccountsCannotMoveMoney() {
        String[] ws = new String[1];
        Approver alice = Governed.admin(server, ws);
        ApiClient c = alice.client();
        Approver op = Governed.operator(server, ws[0], c);
        Approver other = Governed.operator(server, ws[0], c);
        long group = c.post("/sandbox/groups", Map.of("name", "g", "members", List.of(op.id(), other.id()))).id();

        // Revoking a group that an account started using after the request was made is refused at approval.
        long revoke = c.post("/requests", admin("REVOKE_GROUP", Map.of("group_id", group))).id();
        JsonNode account = Sandbox.account(c, Map.of("name", "uses-g", "currency", "ethereum", "governance_rules", List.of(
                Map.of("name", "r", "rules", List.of(Map.of("type", "MULTI_AUTHORIZATIONS", "data",
                        List.of(Map.of("group", group, "quorum", 2))))))));
        ApiResponse refused = Governed.approve(alice, revoke);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.text("message")).contains("used by the rules");
        assertThat(c.get("/groups/" + group).text("status")).isEqualTo("ACTIVE");
        assertThat(c.get("/requests/" + revoke).text("status")).isEqualTo("PENDING_FIRST_APPROVAL");
        assertThat(Governed.reject(alice, revoke).status()).isEqualTo(200);

        // A group cannot shrink below the quorum a rule asks of it.
        assertThat(c.post("/requests", admin("EDIT_GROUP", Map.of("group_id", group, "members", List.of(op.id()))))
                .status()).isEqualTo(400);

        // An account still waiting for its request, or rejected, takes no deposit and sends nothing.
        long create = c.post("/requests", admin("CREATE_ACCOUNT", Map.of("account_data",
                Map.of("name", "pending", "currency", "ethereum")))).id();
        long pendingId = c.get("/requests/" + create).get("target_id").asLong();
        assertThat(c.post("/sandbox/accounts/" + pendingId + "/deposits", Map.of("amount", "1000")).status())
                .isEqualTo(400);
        JsonNode pending = c.get("/accounts/" + pendingId).json();
        assertThat(c.post("/requests", Governed.send(pending, "ETHEREUM_LIKE_SEND", "1", INSIDE, "10000000000000000",
                Governed.speed("NORMAL"))).status()).isEqualTo(400);
        Governed.reject(alice, create);
        JsonNode rejected = c.get("/accounts/" + pendingId).json();
        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.path("governance_rules")).isEmpty();
        assertThat(c.post("/sandbox/accounts/" + pendingId + "/deposits", Map.of("amount", "1000")).status())
                .isEqualTo(400);

        // Operators see neither the administrative requests on a group nor relations of hidden accounts.
        Approver outsider = Governed.operator(server, ws[0], c);
        assertThat(op.client().get("/groups/" + group + "/history").get("history")).isEmpty();
        assertThat(c.get("/groups/" + group + "/history").get("history")).hasSize(1);
        assertThat(ids(outsider.client().get("/users?account=" + account.path("id").asLong()).get("edges"), "node"))
                .isEmpty();
        assertThat(ids(outsider.client().get("/users?group=" + group).get("edges"), "node")).isEmpty();

        // Two admins asking to revoke each other: the first approval wins, the other can no longer act.
        ApproverKey bobKey = ApproverKey.generate();
        long bobRequest = c.post("/requests", admin("CREATE_API_USER", Map.of("username", "bob", "role", "ADMIN",
                "public_key", bobKey.publicHex()))).id();
        Governed.approve(alice, bobRequest);
        long bobId = c.get("/requests/" + bobRequest).get("target_id").asLong();
        JsonNode bobAccess = c.post("/sandbox/api-users/" + bobId + "/api-access", Map.of()).get("api_user");
        Approver bob = new Approver(bobAccess, bobKey, Sandbox.bearerClient(server, ws[0], bobAccess));
        long aliceRevokesBob = c.post("/requests", admin("REVOKE_USER", Map.of("user_id", bobId))).id();
        long bobRevokesAlice = bob.client().post("/requests", admin("REVOKE_USER", Map.of("user_id", alice.id()))).id();
        assertThat(Governed.approve(alice, aliceRevokesBob).text("status")).isEqualTo("APPROVED");
        assertThat(Governed.approve(bob, bobRevokesAlice).status()).isEqualTo(401);
        assertThat(c.get("/users/" + alice.id()).text("status")).isEqualTo("ACTIVE");
        assertThat(c.get("/organization").get("num_admins").asInt()).isEqualTo(1);
    }

    private static void approved(Approver admin, Map<String, Object> body) {
        ApiResponse created = admin.client().post("/requests", body);
        assertThat(created.status()).as(body + " " + created.raw()).isEqualTo(200);
        ApiResponse approved = Governed.approve(admin, created.id());
        assertThat(approved.text("status")).as(approved.raw()).isEqualTo("APPROVED");
    }

    @Test
    void badAdministrativeRequestsAreRefusedAndWriteNothing() {
        String[] ws = new String[1];
        Approver alice = Governed.admin(server, ws);
        ApiClient c = alice.client();
        Approver op = Governed.operator(server, ws[0], c);
        List<Map<String, Object>> bad = List.of(
                admin("CREATE_GROUP", Map.of("name", "g")),
                admin("CREATE_GROUP", Map.of("name", "g", "members", List.of())),
                admin("CREATE_GROUP", Map.of("name", "g", "members", List.of(999_999))),
                admin("CREATE_GROUP", Map.of("name", "g", "members", List.of(op.id(), op.id()))),
                admin("CREATE_GROUP", Map.of("name", "", "members", List.of(op.id()))),
                admin("EDIT_GROUP", Map.of("group_id", 999_999, "name", "x")),
                admin("CREATE_WHITELIST", Map.of("name", "w", "addresses", List.of(Map.of("name", "a", "currency", "bitcoin",
                        "address", INSIDE)))),
                admin("CREATE_WHITELIST", Map.of("name", "w", "addresses", List.of(Map.of("name", "a", "currency", "atlantis",
                        "address", INSIDE)))),
                admin("CREATE_ENTITY", Map.of("name", "e", "accounts", List.of(999_999))),
                admin("CREATE_ACCOUNT", Map.of("account_data", Map.of("name", "a", "currency", "atlantis"))),
                admin("CREATE_ACCOUNT", Map.of("account_data", Map.of("name", "a", "currency", "bitcoin"),
                        "governance_rules", List.of(Map.of("name", "r", "rules", List.of(Map.of("type", "MULTI_AUTHORIZATIONS",
                                "data", List.of(Map.of("group", 999_999, "quorum", 1)))))))),
                admin("CREATE_API_USER", Map.of("username", "u", "public_key", "04abc")),
                admin("CREATE_API_USER", Map.of("username", "u", "role", "GOD", "public_key", ApproverKey.generate().publicHex())),
                admin("REVOKE_USER", Map.of("user_id", alice.id())),
                admin("UPDATE_QUORUM", Map.of("quorum", 0)),
                admin("UPDATE_QUORUM", Map.of("quorum", 2)),
                Map.of("type", "CREATE_GROUP"));
        for (Map<String, Object> body : bad) {
            ApiResponse refused = c.post("/requests", body);
            assertThat(refused.status()).as(body + " -> " + refused.raw()).isEqualTo(400);
        }
        assertThat(c.get("/requests").get("page_info").path("count").asInt()).isZero();
        assertThat(c.get("/groups").get("page_info").path("count").asInt()).isZero();
        assertThat(c.get("/whitelists").get("page_info").path("count").asInt()).isZero();
        assertThat(c.get("/entities").get("page_info").path("count").asInt()).isZero();
        assertThat(c.get("/accounts").get("page_info").path("count").asInt()).isZero();
        assertThat(c.get("/users").get("page_info").path("count").asInt()).isEqualTo(2);
    }

    @Test
    void requestsExpireAndPendingCreationsAreRejected() {
        String[] ws = new String[1];
        Approver alice = Governed.admin(server, ws);
        ApproverKey key = ApproverKey.generate();
        long request = alice.client().post("/requests", admin("CREATE_OPERATOR", Map.of("username", "late",
                "public_key", key.publicHex()))).id();
        long userId = alice.client().get("/requests/" + request).get("target_id").asLong();
        alice.client().post("/sandbox/clock", Map.of("advance_seconds", 7 * 86400 + 1));
        ApiClient later = Sandbox.bearerClient(server, ws[0], alice.user());
        assertThat(later.get("/requests/" + request).text("status")).isEqualTo("EXPIRED");
        JsonNode user = later.get("/users/" + userId).json();
        assertThat(user.path("status").asText()).isEqualTo("REJECTED");
        assertThat(user.path("role").asText()).isEqualTo("OPERATOR");
    }

    static Map<String, Object> admin(String type, Map<String, Object> data) {
        return Map.of("type", type, "data", data);
    }

    static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.asLong()));
        return ids;
    }

    static List<Long> ids(JsonNode edges, String node) {
        List<Long> ids = new ArrayList<>();
        edges.forEach(edge -> ids.add(edge.path(node).path("id").asLong()));
        return ids;
    }

    static List<String> history(ApiClient client, String object) {
        ApiResponse history = client.get(object + "/history");
        assertThat(history.status()).as(history.raw()).isEqualTo(200);
        List<String> entries = new ArrayList<>();
        history.get("history").forEach(request -> request.forEach(entry ->
                entries.add(entry.path("type").asText() + ":" + entry.path("status").asText())));
        return entries;
    }
}
