package io.coffer.tradelink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Governed;
import io.coffer.testing.Governed.Approver;
import io.coffer.testing.Sandbox;
import io.coffer.testing.TestServer;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A TradeLink workspace for tests: an admin; Alice and Bob, the two steps of the asset manager's
 * Ethereum account (funded and confirmed); Xavier, in the exchange's approver group; Eve, an
 * operator who sees nothing of it; the asset manager and the exchange; the exchange's account.
 */
final class TradeLinkWorld {

    static final BigInteger ETH = BigInteger.TEN.pow(18);
    static final String ADDRESS = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    final String workspace;
    final Approver admin;
    final Approver alice;
    final Approver bob;
    final Approver xavier;
    final Approver eve;
    final JsonNode account;
    final long accountId;
    final long exchangeAccountId;
    final long assetManagerId;
    final long exchangeId;
    final String exchangeName;
    final BigInteger funded;

    final String currency;

    TradeLinkWorld(TestServer server, BigInteger funds) {
        this(server, funds, "ethereum");
    }

    TradeLinkWorld(TestServer server, BigInteger funds, String currency) {
        this.currency = currency;
        String[] ws = new String[1];
        admin = Governed.admin(server, ws);
        workspace = ws[0];
        alice = Governed.operator(server, workspace, admin.client());
        bob = Governed.operator(server, workspace, admin.client());
        xavier = Governed.operator(server, workspace, admin.client());
        eve = Governed.operator(server, workspace, admin.client());
        account = Governed.account(admin.client(), currency, List.of(Governed.step(1, alice), Governed.step(1, bob)));
        accountId = account.path("id").asLong();
        exchangeAccountId = Sandbox.account(admin.client(), currency).path("id").asLong();
        long managers = group(admin.client(), "am", alice.id());
        long exchangers = group(admin.client(), "ex", xavier.id());
        long whitelist = ok(admin.client().post("/sandbox/whitelists", Map.of("name", Sandbox.uniqueName("wl"), "addresses",
                List.of(Map.of("name", "desk", "currency", "ethereum", "address", ADDRESS))))).path("id").asLong();
        JsonNode manager = ok(admin.client().post("/sandbox/tradelink/asset-managers", Map.of("name", "Fund One",
                "code", "FUND1", "approver_group_id", managers, "whitelist_id", whitelist)));
        assertThat(manager.path("role").asText()).isEqualTo("ASSET_MANAGER");
        assetManagerId = Long.parseLong(manager.path("id").asText());
        exchangeName = "Exchange " + Sandbox.uniqueName("x");
        JsonNode exchange = ok(admin.client().post("/sandbox/tradelink/exchanges", Map.of("name", exchangeName,
                "code", "EX1", "approver_group_id", exchangers, "whitelist_id", whitelist)));
        assertThat(exchange.path("role").asText()).isEqualTo("EXCHANGE");
        exchangeId = Long.parseLong(exchange.path("id").asText());
        funded = funds;
        if (funds.signum() > 0) {
            Sandbox.deposit(admin.client(), accountId, funds.toString());
            Sandbox.mine(admin.client(), currency, 12);
        }
    }

    static JsonNode ok(ApiResponse response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    static long group(ApiClient admin, String prefix, long... members) {
        return ok(admin.post("/sandbox/groups", Map.of("name", Sandbox.uniqueName(prefix), "members",
                java.util.Arrays.stream(members).boxed().toList()))).path("id").asLong();
    }

    /** Opens a pledge of the asset manager's account with {@code amount} reserved at once. */
    JsonNode openPledge(BigInteger amount) {
        return ok(openPledgeResponse(amount));
    }

    ApiResponse openPledgeResponse(BigInteger amount) {
        return admin.client().post("/sandbox/pledges", Map.of("account_id", accountId, "asset_manager_id", assetManagerId,
                "exchange_id", exchangeId, "settlement_account_id", exchangeAccountId, "amount", amount.toString()));
    }

    JsonNode pledge(ApiClient client, String id) {
        return ok(client.get("/pledges/" + id));
    }

    Map<String, Object> increment(JsonNode pledge, BigInteger amount) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("account_name", account.path("name").asText());
        details.put("amount", amount.toString());
        details.put("currency", currency);
        details.put("exchange_name", exchangeName);
        return Map.of("type", "CREATE_PLEDGE_INCREMENT", "data", Map.of("pledge_subaccount_id",
                pledge.path("pledge_subaccount_id").asLong(), "pledge_data", details));
    }

    Map<String, Object> unpledge(JsonNode pledge) {
        return Map.of("type", "CREATE_FORCED_UNPLEDGE", "data", Map.of("pledge_subaccount_id",
                pledge.path("pledge_subaccount_id").asLong(), "forced_unpledge_data", Map.of(
                        "account_name", account.path("name").asText(), "currency", currency,
                        "exchange_name", exchangeName)));
    }

    /** Alice asks, Alice and Bob approve: the request is carried out. */
    JsonNode governed(Map<String, Object> body) {
        JsonNode request = ok(alice.client().post("/requests", body));
        ok(Governed.approve(alice, request.path("id").asLong()));
        return ok(Governed.approve(bob, request.path("id").asLong()));
    }

    static Map<String, Object> settlement(String id, String pledgeId) {
        return Map.of("id", id, "from_pledge_id", pledgeId, "meta", Map.of("desk", "otc", "ticket", 42));
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** {available, pending, total} of an account as its balances route reads them, checked against each other. */
    static BigInteger[] balances(ApiClient client, long accountId) {
        JsonNode balances = ok(client.get("/accounts/" + accountId + "/balances"));
        BigInteger available = new BigInteger(balances.path("available").asText());
        BigInteger pending = new BigInteger(balances.path("pending").asText());
        BigInteger total = new BigInteger(balances.path("total").asText());
        assertThat(available.signum()).as("available never negative").isGreaterThanOrEqualTo(0);
        assertThat(available.add(pending)).as("available + pending = total").isEqualTo(total);
        return new BigInteger[] {available, pending, total};
    }

    static BigInteger number(JsonNode node, String field) {
        assertThat(node.path(field).isIntegralNumber()).as(field + " is a JSON integer").isTrue();
        return node.path(field).bigIntegerValue();
    }
}
