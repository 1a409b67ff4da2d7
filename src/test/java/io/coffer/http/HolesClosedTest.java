package io.coffer.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Engine;
import io.coffer.testing.Governed;
import io.coffer.testing.Governed.Approver;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The holes a review found in the landed code, each shown closed through HTTP: every assertion here
 * failed (a 500, a 200 that should be a refusal, money moved by one person) before the fix.
 */
class HolesClosedTest extends ServerCases {

    private static final String ETH_RECIPIENT = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    private static final String USDT = "0xdAC17F958D2ee523a2206206994597C13D831ec7";
    private static final BigInteger ETH = BigInteger.TEN.pow(18);
    private static final String MAX_UINT256 = BigInteger.TWO.pow(256).subtract(BigInteger.ONE).toString();

    @Override
    protected Engine engine() {
        return Engine.H2;
    }

    /** The measured drain: an operator governing only the token child paid 52 ETH of the parent's in fees. */
    @Test
    void oneOperatorCannotDrainAParentThroughATokenChildsFees() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        Approver operator = Governed.operator(server, ws[0], admin.client());
        JsonNode parent = Governed.account(admin.client(), "ethereum", List.of(Governed.step(1, admin)));
        Map<String, Object> tokenBody = new LinkedHashMap<>();
        tokenBody.put("name", Sandbox.uniqueName("usdt"));
        tokenBody.put("currency", "ethereum");
        tokenBody.put("parent", parent.path("id").asLong());
        tokenBody.put("contract_address", USDT);
        tokenBody.put("governance_rules", List.of(Map.of("name", "operator alone", "rules", List.of(Map.of(
                "type", "MULTI_AUTHORIZATIONS", "data", List.of(Governed.step(1, operator)))))));
        JsonNode token = Sandbox.account(admin.client(), tokenBody);
        long parentId = parent.path("id").asLong();
        Sandbox.deposit(admin.client(), parentId, ETH.multiply(BigInteger.valueOf(100)).toString());
        Sandbox.deposit(admin.client(), token.path("id").asLong(), "1000000");
        Sandbox.mine(admin.client(), "ethereum", 12);

        // The measured attack: a custom fee of up to 99 ETH for a transfer of one base unit.
        ApiResponse drain = operator.client().post("/requests", Governed.send(token, "ETHEREUM_LIKE_SEND", "1",
                ETH_RECIPIENT, ETH.multiply(BigInteger.valueOf(99)).toString(), Map.of("type", "CUSTOM", "data",
                        Map.of("gas_limit", "60000", "priority_fees", "1000000000000000"))));
        assertThat(drain.status()).as(drain.raw()).isEqualTo(400);
        assertThat(drain.text("message")).contains("10 times the FAST estimate");

        // Within the cap, the parent's governors must approve the fee too: the operator alone moves nothing.
        ApiResponse created = operator.client().post("/requests", Governed.send(token, "ETHEREUM_LIKE_SEND", "1",
                ETH_RECIPIENT, "10000000000000000", Governed.speed("FAST")));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        ApiResponse alone = Governed.approve(operator, created.id());
        assertThat(alone.status()).as(alone.raw()).isEqualTo(200);
        assertThat(alone.text("status")).isEqualTo("PENDING_APPROVAL");
        JsonNode steps = operator.client().get("/requests/" + created.id() + "/governance-status").get("governance_steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(1).path("approvers").get(0).path("id").asLong()).isEqualTo(admin.id());
        assertThat(admin.client().get("/transactions/" + created.get("target_id").asLong()).text("status"))
                .isEqualTo("PENDING_APPROVAL");
        ApiResponse both = Governed.approve(admin, created.id());
        assertThat(both.text("status")).as(both.raw()).isEqualTo("SUBMITTED");
    }

    @Test
    void customBitcoinFeeRatesAreCappedToo() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        JsonNode account = Governed.account(admin.client(), "bitcoin", List.of(Governed.step(1, admin)));
        Sandbox.deposit(admin.client(), account.path("id").asLong(), "100000000");
        Sandbox.mine(admin.client(), "bitcoin", 6);
        ApiResponse refused = admin.client().post("/requests", Governed.send(account, "BITCOIN_LIKE_SEND", "10000",
                "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "90000000",
                Map.of("type", "CUSTOM", "data", Map.of("fees_per_byte", "101"))));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(admin.client().post("/requests", Governed.send(account, "BITCOIN_LIKE_SEND", "10000",
                "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "90000000",
                Map.of("type", "CUSTOM", "data", Map.of("fees_per_byte", "100")))).status()).isEqualTo(200);
    }

    @Test
    void rotatingAnApiKeyEndsEverySessionAndRefreshToken() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        JsonNode operator = Sandbox.apiUser(ws.client(), "OPERATOR", false);
        ApiResponse login = login(ws.name(), operator);
        ApiClient session = withToken(ws.name(), login.text("access_token"));
        assertThat(session.get("/accounts").status()).isEqualTo(200);

        ApiResponse rotated = ws.client().post("/sandbox/api-users/" + operator.path("id").asLong() + "/api-access", Map.of());
        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
        assertThat(session.get("/accounts").status()).as("the old access token").isEqualTo(401);
        assertThat(server.anonymous().with("X-Ledger-Workspace", ws.name()).post("/auth/token/refresh",
                Map.of("refresh_token", login.text("refresh_token"))).status()).as("the old refresh token").isEqualTo(401);
        assertThat(Sandbox.legacyClient(server, ws.name(), operator).get("/accounts").status()).as("the old secret")
                .isEqualTo(401);
        assertThat(Sandbox.bearerClient(server, ws.name(), rotated.get("api_user")).get("/accounts").status())
                .as("the new key").isEqualTo(200);
    }

    @Test
    void suspensionEndsSessionsForGoodAndRestoringAccessNeedsANewLogin() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        JsonNode operator = Sandbox.apiUser(ws.client(), "OPERATOR", false);
        ApiResponse login = login(ws.name(), operator);
        ApiClient session = withToken(ws.name(), login.text("access_token"));
        String user = "/sandbox/api-users/" + operator.path("id").asLong() + "/suspension";
        assertThat(ws.client().post(user, Map.of("suspended", true)).status()).isEqualTo(200);
        assertThat(ws.client().post(user, Map.of("suspended", false)).status()).isEqualTo(200);
        assertThat(session.get("/accounts").status()).as("a token from before the suspension").isEqualTo(401);
        assertThat(server.anonymous().post("/auth/token/refresh", Map.of("refresh_token", login.text("refresh_token")))
                .status()).isEqualTo(401);
        assertThat(Sandbox.bearerClient(server, ws.name(), operator).get("/accounts").status()).isEqualTo(200);
    }

    @Test
    void aRevokedUsersTokensStopAtOnce() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        Approver operator = Governed.operator(server, ws[0], admin.client());
        assertThat(operator.client().get("/accounts").status()).isEqualTo(200);
        long request = admin.client().post("/requests", Map.of("type", "REVOKE_USER", "data",
                Map.of("user_id", operator.id()))).id();
        assertThat(Governed.approve(admin, request).status()).isEqualTo(200);
        assertThat(operator.client().get("/accounts").status()).isEqualTo(401);
    }

    /** A challenge column of 30,000 characters made every large administrative request unapprovable (500). */
    @Test
    void theLargestAdministrativeRequestCanBeApproved() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        List<Map<String, Object>> addresses = new ArrayList<>();
        List<Long> tags = new ArrayList<>();
        for (long t = 0; t < 50; t++) {
            tags.add(1_000_000_000L + t);
        }
        for (int i = 0; i < 1000; i++) {
            addresses.add(Map.of("name", "desk " + i + " " + "x".repeat(100), "currency", "ethereum",
                    "address", String.format("0x%040x", i + 1), "destination_tags", i < 300 ? tags : List.of()));
        }
        Map<String, Object> body = Map.of("type", "CREATE_WHITELIST", "data", Map.of("name", "big", "addresses", addresses));
        int size = ApiClient.json(body).getBytes(StandardCharsets.UTF_8).length;
        assertThat(size).as("a request near the 500,000-byte limit").isBetween(300_000, 500_000);
        ApiResponse created = admin.client().post("/requests", body);
        assertThat(created.status()).as(created.raw().length() > 300 ? created.raw().substring(0, 300) : created.raw())
                .isEqualTo(200);
        ApiResponse challenge = admin.client().get("/requests/" + created.id() + "/challenge");
        assertThat(challenge.status()).isEqualTo(200);
        assertThat(challenge.text("challenge").length()).isGreaterThan(400_000);
        ApiResponse approved = admin.client().post("/requests/" + created.id() + "/approve",
                Map.of("jws", admin.key().sign(challenge.text("challenge"))));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");

        List<Map<String, Object>> larger = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            larger.add(Map.of("name", "y".repeat(128), "currency", "ethereum", "address", String.format("0x%040x", i + 1),
                    "destination_tags", i < 500 ? tags : List.of()));
        }
        ApiResponse tooLarge = admin.client().post("/requests", Map.of("type", "CREATE_WHITELIST", "data",
                Map.of("name", "bigger", "addresses", larger)));
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.text("message")).contains("too large");
    }

    @Test
    void whatApproversSignHoldsOnlyTheFieldsTheSpecDefines() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        JsonNode account = Governed.account(admin.client(), "ethereum", List.of(Governed.step(1, admin)));
        Sandbox.deposit(admin.client(), account.path("id").asLong(), ETH.toString());
        Sandbox.mine(admin.client(), "ethereum", 12);
        Map<String, Object> body = new LinkedHashMap<>(Governed.send(account, "ETHEREUM_LIKE_SEND", "1000", ETH_RECIPIENT,
                "10000000000000000", Governed.speed("NORMAL")));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = new LinkedHashMap<>((Map<String, Object>) body.get("data"));
        data.put("memo_to_approver", "the recipient is your bank");
        @SuppressWarnings("unchecked")
        Map<String, Object> transaction = new LinkedHashMap<>((Map<String, Object>) data.get("transaction_data"));
        transaction.put("display_amount", "1 wei (trust me)");
        data.put("transaction_data", transaction);
        body.put("data", data);
        ApiResponse created = admin.client().post("/requests", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        String decoded = new String(Base64.getUrlDecoder().decode(admin.client()
                .get("/requests/" + created.id() + "/challenge").text("challenge")), StandardCharsets.UTF_8);
        assertThat(decoded).contains("\"recipient\":\"" + ETH_RECIPIENT + "\"").contains("\"amount\":\"1000\"")
                .doesNotContain("memo_to_approver").doesNotContain("display_amount");
        ApiResponse admin404 = admin.client().post("/requests", Map.of("type", "CREATE_GROUP", "data", Map.of(
                "name", "g", "members", List.of(admin.id()), "note_to_approver", "sign here")));
        assertThat(admin404.status()).as("Coffer's own request bodies refuse unknown fields").isEqualTo(400);
    }

    @Test
    void amountsAndFeesNearTheLimitAreRefusedNot500() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        JsonNode account = Governed.account(admin.client(), "ethereum", List.of(Governed.step(1, admin)));
        for (String path : List.of("/requests", "/transactions/estimate-fees")) {
            assertThat(admin.client().post(path, Governed.send(account, "ETHEREUM_LIKE_SEND", MAX_UINT256, ETH_RECIPIENT,
                    MAX_UINT256, Governed.speed("FAST"))).status()).as(path + " amount 2^256-1").isEqualTo(400);
            assertThat(admin.client().post(path, Governed.send(account, "ETHEREUM_LIKE_SEND", "1", ETH_RECIPIENT,
                    MAX_UINT256, Map.of("type", "CUSTOM", "data", Map.of("gas_limit", "21000", "gas_price", MAX_UINT256))))
                    .status()).as(path + " gas_price 2^256-1").isEqualTo(400);
            assertThat(admin.client().post(path, Governed.send(account, "ETHEREUM_LIKE_SEND", "1", ETH_RECIPIENT,
                    MAX_UINT256, Map.of("type", "CUSTOM", "data", Map.of("gas_limit", "21000", "priority_fees",
                            MAX_UINT256)))).status()).as(path + " priority_fees 2^256-1").isEqualTo(400);
        }
        // Two deposits of 2^256-1 would make a total no amount can hold.
        long id = account.path("id").asLong();
        Sandbox.deposit(admin.client(), id, MAX_UINT256);
        ApiResponse second = admin.client().post("/sandbox/accounts/" + id + "/deposits", Map.of("amount", "1"));
        assertThat(second.status()).isEqualTo(400);
        assertThat(admin.client().get("/accounts/" + id + "/balances").status()).isEqualTo(200);
    }

    @Test
    void malformedInputIsABadRequestNeverA500() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        ApiClient c = ws.client();
        JsonNode account = Sandbox.account(c, "bitcoin");
        long id = account.path("id").asLong();
        for (String date : List.of("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "0000-06-01T00:00:00Z")) {
            String encoded = date.replace("+", "%2B");
            assertThat(c.get("/accounts/" + id + "/balances/history?start=" + encoded).status()).as(date).isEqualTo(400);
            assertThat(c.get("/accounts/" + id + "/balances/history?end=" + encoded).status()).as(date).isEqualTo(400);
            assertThat(c.get("/transactions?created_after=" + encoded).status()).as(date).isEqualTo(400);
            assertThat(c.get("/requests?created_before=" + encoded).status()).as(date).isEqualTo(400);
        }
        assertThat(c.post("/sandbox/networks/bitcoin/settings", Map.of("failure_rate", new java.math.BigDecimal("1e309")))
                .status()).isEqualTo(400);
        assertThat(c.postRaw("/sandbox/networks/bitcoin/settings", "{\"failure_rate\": 1e309}").status()).isEqualTo(400);
        String note = "n".repeat(4001);
        Map<String, Object> send = new LinkedHashMap<>(Governed.send(account, "BITCOIN_LIKE_SEND", "10000",
                "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "5000", Governed.speed("NORMAL")));
        send.put("note", Map.of("title", "t", "content", note));
        ApiResponse longNote = c.post("/requests", send);
        assertThat(longNote.status()).isEqualTo(400);
        assertThat(longNote.text("message")).contains("4000");
    }

    @Test
    void inputThatBreaksTheContractIsRefused() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        ApiClient c = ws.client();
        JsonNode account = Sandbox.account(c, "ethereum");
        long id = account.path("id").asLong();
        assertThat(c.postRaw("/sandbox/accounts/" + id + "/deposits", "{\"amount\": 1000}").status())
                .as("an amount as a JSON number").isEqualTo(400);
        assertThat(c.postRaw("/sandbox/clock", "{\"advance_seconds\":1} garbage").status())
                .as("text after the JSON value").isEqualTo(400);
        assertThat(c.postRaw("/sandbox/clock", "{\"advance_seconds\":1}{}").status()).isEqualTo(400);
        assertThat(c.postRaw("/sandbox/clock", "{\"advance_seconds\":\"1\"}").status()).as("an integer as a string")
                .isEqualTo(400);
        assertThat(c.post("/requests", Map.of("type", "UPDATE_QUORUM", "data", Map.of("quorum", "1"))).status())
                .as("a quorum as a string").isEqualTo(400);
        assertThat(c.get("/transactions?destination_tag=abc").status()).isEqualTo(400);
        assertThat(c.get("/transactions?interaction_type=NOPE").status()).isEqualTo(400);
        assertThat(c.post("/sandbox/accounts", Map.of("name", "thresholds", "currency", "ethereum", "governance_rules",
                List.of(Map.of("name", "r", "rules", List.of(
                        Map.of("type", "THRESHOLD", "data", List.of(Map.of("currency_type", "notacoin", "min", 0))),
                        Map.of("type", "MULTI_AUTHORIZATIONS", "data", List.of(Map.of("users", List.of(ws.adminId()),
                                "quorum", 1)))))))).status()).as("an unknown currency_type").isEqualTo(400);
        assertThat(c.post("/sandbox/accounts", Map.of("name", "thresholds2", "currency", "ethereum", "governance_rules",
                List.of(Map.of("name", "r", "rules", List.of(
                        Map.of("type", "THRESHOLD", "data", List.of(Map.of("currency_type", "ethereum", "min", "0"))),
                        Map.of("type", "MULTI_AUTHORIZATIONS", "data", List.of(Map.of("users", List.of(ws.adminId()),
                                "quorum", 1)))))))).status()).as("min as a string where the contract says integer")
                .isEqualTo(400);
    }

    @Test
    void headWorksWhereverGetDoes() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        long id = Sandbox.account(ws.client(), "bitcoin").path("id").asLong();
        for (String path : List.of("/accounts", "/accounts/" + id, "/accounts/" + id + "/balances", "/requests", "/health",
                "/openapi.yaml", "/currencies", "/organization")) {
            ApiResponse head = ws.client().send("HEAD", path, null);
            assertThat(head.status()).as(path).isEqualTo(200);
            assertThat(head.raw()).isEmpty();
        }
        assertThat(server.anonymous().send("HEAD", "/accounts", null).status()).isEqualTo(401);
    }

    @Test
    void answersHoldingSecretsAreNeverCached() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        ApiResponse token = login(ws.name(), ws.admin());
        assertThat(token.headers().firstValue("Cache-Control")).hasValue("no-store");
        ApiResponse refreshed = server.anonymous().post("/auth/token/refresh",
                Map.of("refresh_token", token.text("refresh_token")));
        assertThat(refreshed.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    private ApiResponse login(String workspace, JsonNode user) {
        ApiResponse token = server.anonymous().with("X-Ledger-Workspace", workspace).post("/auth/token", Map.of(
                "api_key_id", user.path("api_key_id").asText(), "api_key_secret", user.path("api_key_secret").asText()));
        assertThat(token.status()).as(token.raw()).isEqualTo(200);
        return token;
    }

    private ApiClient withToken(String workspace, String token) {
        return server.anonymous().with("X-Ledger-Workspace", workspace).with("Authorization", "Bearer " + token);
    }
}
