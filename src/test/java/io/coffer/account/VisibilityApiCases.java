package io.coffer.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who sees what: other workspaces see nothing; operators see only accounts whose rules name them
 * (unless view-all). Everything invisible is a 404, on every account route.
 */
abstract class VisibilityApiCases extends ServerCases {

    static final List<String> ACCOUNT_ROUTES = List.of("", "/balances", "/balances/history", "/currency", "/labels",
            "/address", "/address/0?type=receive", "/addresses", "/addresses/0", "/erc20-children-accounts");

    @Test
    void anotherWorkspaceSeesNothingOfOurs() {
        Sandbox.Workspace ours = Sandbox.workspace(server);
        Sandbox.Workspace theirs = Sandbox.workspace(server);
        long account = Sandbox.account(ours.client(), "bitcoin").path("id").asLong();
        long transaction = Sandbox.deposit(ours.client(), account, "1000").path("id").asLong();
        for (String route : ACCOUNT_ROUTES) {
            assertThat(theirs.client().get("/accounts/" + account + route).status()).as(route).isEqualTo(404);
        }
        assertThat(theirs.client().get("/transactions/" + transaction).status()).isEqualTo(404);
        assertThat(theirs.client().get("/accounts").get("page_info").path("count").asInt()).isZero();
        assertThat(theirs.client().get("/accounts?id=" + account).get("edges")).isEmpty();
        assertThat(theirs.client().post("/sandbox/accounts/" + account + "/deposits", Map.of("amount", "5")).status())
                .isEqualTo(404);
        assertThat(theirs.client().post("/sandbox/accounts", Map.of("name", "child", "currency", "bitcoin",
                "parent", account, "contract_address", "0xdAC17F958D2ee523a2206206994597C13D831ec7")).status())
                .isEqualTo(400);
        // Blocks mined in their workspace do not confirm our deposit.
        Sandbox.mine(theirs.client(), "bitcoin", 10);
        assertThat(ours.client().get("/transactions/" + transaction).text("status")).isEqualTo("SUBMITTED");
        assertThat(ours.client().get("/certificates/chain").json())
                .isNotEqualTo(theirs.client().get("/certificates/chain").json());
    }

    @Test
    void operatorsSeeOnlyAccountsWhoseRulesNameThem() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        ApiClient admin = ws.client();
        JsonNode named = Sandbox.apiUser(admin, "OPERATOR", false);
        JsonNode stranger = Sandbox.apiUser(admin, "OPERATOR", false);
        JsonNode auditor = Sandbox.apiUser(admin, "OPERATOR", true);
        long theirs = Sandbox.accountNaming(admin, "ethereum", List.of(named.path("id").asLong()), 1).path("id").asLong();
        long other = Sandbox.account(admin, "ethereum").path("id").asLong();
        long transaction = Sandbox.deposit(admin, theirs, "77").path("id").asLong();
        long otherTransaction = Sandbox.deposit(admin, other, "88").path("id").asLong();

        ApiClient operator = Sandbox.bearerClient(server, ws.name(), named);
        ApiClient outsider = Sandbox.legacyClient(server, ws.name(), stranger);
        ApiClient viewAll = Sandbox.bearerClient(server, ws.name(), auditor);
        for (String route : ACCOUNT_ROUTES) {
            if (route.equals("/address/0?type=receive")) {
                continue;
            }
            assertThat(operator.get("/accounts/" + theirs + route).status()).as(route).isEqualTo(200);
            assertThat(operator.get("/accounts/" + other + route).status()).as(route).isEqualTo(404);
            assertThat(outsider.get("/accounts/" + theirs + route).status()).as(route).isEqualTo(404);
            assertThat(viewAll.get("/accounts/" + other + route).status()).as(route).isEqualTo(200);
        }
        assertThat(AccountsApiCases.ids(operator.get("/accounts"))).containsExactly(theirs);
        assertThat(AccountsApiCases.ids(outsider.get("/accounts"))).isEmpty();
        assertThat(AccountsApiCases.ids(viewAll.get("/accounts"))).containsExactlyInAnyOrder(theirs, other);
        assertThat(operator.get("/transactions/" + transaction).status()).isEqualTo(200);
        assertThat(operator.get("/transactions/" + otherTransaction).status()).isEqualTo(404);
        assertThat(outsider.get("/transactions/" + transaction).status()).isEqualTo(404);
        assertThat(operator.post("/sandbox/accounts/" + other + "/deposits", Map.of("amount", "1")).status())
                .as("sandbox changes are for admins, whatever the account").isEqualTo(403);
        assertThat(operator.post("/sandbox/accounts/" + theirs + "/deposits", Map.of("amount", "1")).status())
                .as("even on an account the operator governs").isEqualTo(403);
        assertThat(operator.get("/accounts/" + theirs).json().has("xpub")).as("xpub is for view-all callers").isFalse();
        assertThat(viewAll.get("/accounts/" + theirs).json().has("xpub")).isTrue();
        assertThat(operator.post("/sandbox/api-users", Map.of("username", "escalate", "role", "ADMIN")).status())
                .as("operators cannot create users").isEqualTo(403);
    }
}
