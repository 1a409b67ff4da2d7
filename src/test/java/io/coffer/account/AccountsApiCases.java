package io.coffer.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The accounts API: creation through the sandbox, every search filter, paging and ordering. */
abstract class AccountsApiCases extends ServerCases {

    @Test
    void coinAndTokenAccountsHaveTheirNetworksKeysAndParents() {
        ApiClient c = Sandbox.workspace(server).client();
        JsonNode btc = Sandbox.account(c, "bitcoin");
        JsonNode eth = Sandbox.account(c, "ethereum");
        JsonNode eth2 = Sandbox.account(c, "ethereum");
        JsonNode usdt = Sandbox.account(c, Map.of("name", Sandbox.uniqueName("usdt"), "currency", "ethereum",
                "parent", eth.path("id").asLong(), "contract_address", "0xdac17f958d2ee523a2206206994597c13d831ec7"));
        assertThat(btc.path("type").asText()).isEqualTo("Bitcoin");
        assertThat(btc.path("derivation_path").asText()).isEqualTo("84'/0'/0'");
        assertThat(eth.path("derivation_path").asText()).isEqualTo("44'/60'/0'");
        assertThat(eth2.path("derivation_path").asText()).isEqualTo("44'/60'/1'");
        assertThat(eth2.path("index").asInt()).isEqualTo(1);
        assertThat(eth2.path("address").asText()).isNotEqualTo(eth.path("address").asText());
        assertThat(usdt.path("type").asText()).isEqualTo("Erc20");
        assertThat(usdt.path("parent").asLong()).isEqualTo(eth.path("id").asLong());
        assertThat(usdt.path("contract_address").asText()).isEqualTo("0xdAC17F958D2ee523a2206206994597C13D831ec7");
        assertThat(usdt.path("address").asText()).isEqualTo(eth.path("address").asText());
        assertThat(c.get("/currencies/ethereum/" + eth.path("address").asText()).get("is_valid").asBoolean()).isTrue();
        assertThat(c.get("/currencies/bitcoin/" + btc.path("address").asText()).get("is_valid").asBoolean()).isTrue();
        assertThat(c.get("/accounts/" + usdt.path("id").asLong() + "/currency").get("amount_units").get(0)
                .path("magnitude").asInt()).isEqualTo(6);
        ApiResponse children = c.get("/accounts/" + eth.path("id").asLong() + "/erc20-children-accounts");
        assertThat(ids(children)).containsExactly(usdt.path("id").asLong());
        assertThat(c.get("/accounts/" + usdt.path("id").asLong() + "/labels").json().isArray()).isTrue();
    }

    @Test
    void accountCreationRefusesWhatCannotExist() {
        ApiClient c = Sandbox.workspace(server).client();
        JsonNode eth = Sandbox.account(c, "ethereum");
        long ethId = eth.path("id").asLong();
        assertThat(c.post("/sandbox/accounts", Map.of("name", "x", "currency", "dogecoins")).status()).isEqualTo(400);
        assertThat(c.post("/sandbox/accounts", Map.of("name", "x", "currency", "Dollar")).status()).isEqualTo(400);
        assertThat(c.post("/sandbox/accounts", Map.of("name", eth.path("name").asText(), "currency", "bitcoin")).status())
                .as("names are unique in a workspace").isEqualTo(400);
        assertThat(c.post("/sandbox/accounts", Map.of("name", "t1", "currency", "ethereum", "parent", ethId,
                "contract_address", "0x0000000000000000000000000000000000000001")).status()).isEqualTo(400);
        assertThat(c.post("/sandbox/accounts", Map.of("name", "t2", "currency", "ethereum",
                "contract_address", "0xdAC17F958D2ee523a2206206994597C13D831ec7")).status()).isEqualTo(400);
        assertThat(c.post("/sandbox/accounts", Map.of("name", "t3", "currency", "bitcoin", "parent", ethId,
                "contract_address", "0xdAC17F958D2ee523a2206206994597C13D831ec7")).status()).isEqualTo(400);
        assertThat(c.post("/sandbox/accounts", Map.of("name", "t4", "currency", "ethereum", "parent", 999999,
                "contract_address", "0xdAC17F958D2ee523a2206206994597C13D831ec7")).status()).isEqualTo(400);
        Map<String, Object> badRules = new LinkedHashMap<>();
        badRules.put("name", "r1");
        badRules.put("currency", "bitcoin");
        badRules.put("governance_rules", List.of(Map.of("rules", List.of(Map.of("type", "MULTI_AUTHORIZATIONS",
                "data", List.of(Map.of("users", List.of(424242), "quorum", 1)))))));
        assertThat(c.post("/sandbox/accounts", badRules).status()).as("unknown user in rules").isEqualTo(400);
        badRules.put("governance_rules", List.of(Map.of("rules", List.of(Map.of("type", "MULTI_AUTHORIZATIONS",
                "data", List.of(Map.of("users", List.of(1), "quorum", 2)))))));
        assertThat(c.post("/sandbox/accounts", badRules).status()).as("quorum above users").isEqualTo(400);
        assertThat(c.get("/accounts?name=r1").get("page_info").path("count").asInt()).isZero();
    }

    @Test
    void governanceRulesAreStoredWithIdsAndShownAsTheSpecWritesThem() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        JsonNode operator = Sandbox.apiUser(ws.client(), "OPERATOR", false);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Sandbox.uniqueName("gov"));
        body.put("currency", "bitcoin");
        body.put("governance_rules", List.of(Map.of("name", "small", "rules", List.of(
                Map.of("type", "THRESHOLD", "data", List.of(Map.of("currency_type", "bitcoin", "min", 0, "max", 100000))),
                Map.of("type", "MULTI_AUTHORIZATIONS", "data", List.of(
                        Map.of("users", List.of(ws.adminId()), "quorum", 1),
                        Map.of("users", List.of(ws.adminId(), operator.path("id").asLong()), "quorum", 2)))))));
        JsonNode account = Sandbox.account(ws.client(), body);
        JsonNode set = account.path("governance_rules").get(0);
        assertThat(set.path("name").asText()).isEqualTo("small");
        assertThat(set.path("rules").get(0).path("type").asText()).isEqualTo("THRESHOLD");
        assertThat(set.path("rules").get(0).path("data").get(0).path("max").asLong()).isEqualTo(100000);
        JsonNode steps = set.path("rules").get(1).path("data");
        assertThat(steps.get(1).path("quorum").asInt()).isEqualTo(2);
        assertThat(steps.get(1).path("users")).hasSize(2);
        assertThat(ws.client().get("/accounts/" + account.path("id").asLong()).json().path("governance_rules"))
                .isEqualTo(account.path("governance_rules"));
    }

    @Test
    void searchFiltersByEveryField() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        ApiClient c = ws.client();
        JsonNode operator = Sandbox.apiUser(c, "OPERATOR", false);
        JsonNode btc = Sandbox.account(c, "bitcoin");
        JsonNode eth = Sandbox.account(c, "ethereum");
        JsonNode usdt = Sandbox.account(c, Map.of("name", Sandbox.uniqueName("usdt"), "currency", "ethereum",
                "parent", eth.path("id").asLong(), "contract_address", "0xdAC17F958D2ee523a2206206994597C13D831ec7"));
        JsonNode named = Sandbox.accountNaming(c, "litecoin", List.of(operator.path("id").asLong()), 1);
        long btcId = btc.path("id").asLong();
        assertThat(ids(c.get("/accounts?id=" + btcId))).containsExactly(btcId);
        assertThat(ids(c.get("/accounts?name=" + btc.path("name").asText()))).containsExactly(btcId);
        assertThat(ids(c.get("/accounts?currency=bitcoin"))).containsExactly(btcId);
        assertThat(ids(c.get("/accounts?currency=ethereum"))).containsExactly(eth.path("id").asLong());
        assertThat(ids(c.get("/accounts?currency=ethereum:0xdac17f958d2ee523a2206206994597c13d831ec7")))
                .containsExactly(usdt.path("id").asLong());
        assertThat(ids(c.get("/accounts?account_type=Erc20"))).containsExactly(usdt.path("id").asLong());
        assertThat(ids(c.get("/accounts?parent=" + eth.path("id").asLong()))).containsExactly(usdt.path("id").asLong());
        assertThat(ids(c.get("/accounts?user=" + operator.path("id").asLong()))).containsExactly(named.path("id").asLong());
        assertThat(ids(c.get("/accounts?status=ACTIVE"))).hasSize(4);
        assertThat(ids(c.get("/accounts?status=REJECTED"))).isEmpty();
        assertThat(ids(c.get("/accounts?group=1"))).isEmpty();
        assertThat(ids(c.get("/accounts?entity=1&entity=2"))).isEmpty();
        assertThat(ids(c.get("/accounts?account_label=1"))).isEmpty();
        String created = eth.path("created_on").asText().replace("+", "%2B");
        assertThat(ids(c.get("/accounts?created_after=" + created))).doesNotContain(btcId, eth.path("id").asLong());
        assertThat(ids(c.get("/accounts?created_before=" + created))).containsExactly(btcId);
    }

    @Test
    void searchPagesOrdersAndCountsLikeTheSpec() {
        ApiClient c = Sandbox.workspace(server).client();
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(Sandbox.account(c, Map.of("name", "acct-" + (char) ('g' - i), "currency", "ethereum")).path("id").asLong());
        }
        ApiResponse first = c.get("/accounts?page_size=3");
        assertThat(first.get("page_info").path("count").asInt()).isEqualTo(7);
        assertThat(first.get("page_info").path("has_next_page").asBoolean()).isTrue();
        assertThat(ids(first)).containsExactly(created.get(6), created.get(5), created.get(4));
        assertThat(first.get("edges").get(2).path("cursor").asInt()).isEqualTo(2);
        ApiResponse last = c.get("/accounts?page_size=3&page=3");
        assertThat(ids(last)).containsExactly(created.get(0));
        assertThat(last.get("page_info").path("has_next_page").asBoolean()).isFalse();
        assertThat(last.get("edges").get(0).path("cursor").asInt()).isZero();
        assertThat(ids(c.get("/accounts?page_size=3&page=9"))).isEmpty();
        assertThat(ids(c.get("/accounts?order=asc&page_size=2"))).containsExactly(created.get(0), created.get(1));
        assertThat(ids(c.get("/accounts?order_by=name&order=asc&page_size=1"))).containsExactly(created.get(6));
        assertThat(ids(c.get("/accounts?page_size=0"))).hasSize(7);
        assertThat(ids(c.get("/accounts?page_size=-1"))).hasSize(7);
        assertThat(ids(c.get("/accounts"))).hasSize(7);
    }

    @Test
    void searchRefusesBadParametersInTheErrorShape() {
        ApiClient c = Sandbox.workspace(server).client();
        assertThat(c.get("/accounts?page=0").status()).isEqualTo(400);
        assertThat(c.get("/accounts?page=-3").status()).isEqualTo(400);
        assertThat(c.get("/accounts?page=abc").status()).isEqualTo(400);
        assertThat(c.get("/accounts?page_size=100000").status()).isEqualTo(400);
        assertThat(c.get("/accounts?page_size=-2").status()).isEqualTo(400);
        assertThat(c.get("/accounts?order=sideways").status()).isEqualTo(400);
        assertThat(c.get("/accounts?order_by=secret_column").status()).isEqualTo(400);
        assertThat(c.get("/accounts?status=SLEEPING").status()).isEqualTo(400);
        assertThat(c.get("/accounts?account_type=Dogecoin").status()).isEqualTo(400);
        assertThat(c.get("/accounts?id=abc").status()).isEqualTo(400);
        assertThat(c.get("/accounts?created_after=yesterday").status()).isEqualTo(400);
        assertThat(c.get("/accounts?id=1&id=2").status()).isEqualTo(400);
        assertThat(c.get("/accounts?colour=blue").status()).as("unknown parameters are 404, as in the spec").isEqualTo(404);
    }

    static List<Long> ids(ApiResponse search) {
        assertThat(search.status()).as(search.raw()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        search.get("edges").forEach(edge -> ids.add(edge.path("node").path("id").asLong()));
        return ids;
    }
}
