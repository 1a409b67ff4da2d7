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

    /** A request made while the quorum was 1 stayed one admin's decision after the quorum was raised. */
    @Test
    void adminRequestsFollowTheQuorumInForceWhenTheyAreApproved() {
        String[] ws = new String[1];
        Approver boss = Governed.admin(server, ws);
        io.coffer.testing.ApproverKey eveKey = io.coffer.testing.ApproverKey.generate();
        long eve = boss.client().post("/requests", Map.of("type", "CREATE_API_USER", "data", Map.of("username", "eve",
                "role", "ADMIN", "public_key", eveKey.publicHex()))).id();
        io.coffer.testing.ApproverKey bobKey = io.coffer.testing.ApproverKey.generate();
        JsonNode bobUser = boss.client().post("/sandbox/api-users", Map.of("username", "bob", "role", "ADMIN",
                "public_key", bobKey.publicHex())).get("api_user");
        Approver bob = new Approver(bobUser, bobKey, Sandbox.bearerClient(server, ws[0], bobUser));
        long quorum = boss.client().post("/requests", Map.of("type", "UPDATE_QUORUM", "data", Map.of("quorum", 2))).id();
        assertThat(Governed.approve(boss, quorum).text("status")).isEqualTo("APPROVED");

        assertThat(Governed.approve(boss, eve).text("status")).as("one admin of two").isEqualTo("PENDING_APPROVAL");
        JsonNode step = boss.client().get("/requests/" + eve + "/governance-status").get("governance_steps").get(0);
        assertThat(step.path("quorum").asInt()).isEqualTo(2);
        assertThat(step.path("approvers")).hasSize(2);
        assertThat(bob.client().get("/requests?pending_by=" + bob.id()).get("edges").findValuesAsText("id"))
                .contains(Long.toString(eve));
        assertThat(Governed.approve(bob, eve).text("status")).isEqualTo("APPROVED");
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

    /** A suspended operator's earlier approval still counted, so one more person moved the money. */
    @Test
    void anApprovalCountsOnlyWhileItsUserMayAct() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        Approver first = Governed.operator(server, ws[0], admin.client());
        Approver second = Governed.operator(server, ws[0], admin.client());
        Approver third = Governed.operator(server, ws[0], admin.client());
        Approver creator = Governed.operator(server, ws[0], admin.client());
        JsonNode account = Governed.account(admin.client(), "bitcoin",
                List.of(Governed.step(3, creator, first, second, third)));
        Sandbox.deposit(admin.client(), account.path("id").asLong(), "1000000");
        Sandbox.mine(admin.client(), "bitcoin", 6);
        ApiResponse created = creator.client().post("/requests", Governed.send(account, "BITCOIN_LIKE_SEND", "10000",
                "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "5000", Governed.speed("NORMAL")));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(Governed.approve(creator, created.id()).text("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(Governed.approve(first, created.id()).text("status")).isEqualTo("PENDING_APPROVAL");

        String suspension = "/sandbox/api-users/" + first.id() + "/suspension";
        assertThat(admin.client().post(suspension, Map.of("suspended", true)).status()).isEqualTo(200);
        ApiResponse alone = Governed.approve(second, created.id());
        assertThat(alone.text("status")).as("the suspended operator's approval no longer counts").isEqualTo("PENDING_APPROVAL");
        JsonNode steps = admin.client().get("/requests/" + created.id() + "/governance-status").get("governance_steps");
        assertThat(steps.get(0).path("approvals")).as(steps.toString()).hasSize(2);
        assertThat(steps.get(0).path("approvals").findValuesAsText("id")).doesNotContain(Long.toString(first.id()));

        ApiResponse both = Governed.approve(third, created.id());
        assertThat(both.text("status")).as(both.raw()).isEqualTo("SUBMITTED");
    }

    /** A request whose creator was suspended after approving it could still be approved by others. */
    @Test
    void aRequestWaitsWhileItsCreatorMayNotAct() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        Approver first = Governed.operator(server, ws[0], admin.client());
        Approver second = Governed.operator(server, ws[0], admin.client());
        Approver creator = Governed.operator(server, ws[0], admin.client());
        JsonNode account = Governed.account(admin.client(), "bitcoin",
                List.of(Governed.step(1, first), Governed.step(1, second, creator)));
        Sandbox.deposit(admin.client(), account.path("id").asLong(), "1000000");
        Sandbox.mine(admin.client(), "bitcoin", 6);
        ApiResponse created = creator.client().post("/requests", Governed.send(account, "BITCOIN_LIKE_SEND", "10000",
                "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "5000", Governed.speed("NORMAL")));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(Governed.approve(creator, created.id()).text("status")).isEqualTo("PENDING_APPROVAL");

        String suspension = "/sandbox/api-users/" + creator.id() + "/suspension";
        assertThat(admin.client().post(suspension, Map.of("suspended", true)).status()).isEqualTo(200);
        ApiResponse meanwhile = Governed.approve(first, created.id());
        assertThat(meanwhile.status()).as(meanwhile.raw()).isEqualTo(400);
        assertThat(meanwhile.text("message")).contains("creator");

        assertThat(admin.client().post(suspension, Map.of("suspended", false)).status()).isEqualTo(200);
        assertThat(Governed.approve(first, created.id()).text("status")).isEqualTo("PENDING_APPROVAL");
        ApiResponse done = Governed.approve(second, created.id());
        assertThat(done.text("status")).as(done.raw()).isEqualTo("SUBMITTED");
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
        // A tiny rate with a huge exponent froze the single writer in a rounding for minutes.
        long started = System.nanoTime();
        assertThat(c.postRaw("/sandbox/networks/bitcoin/settings", "{\"failure_rate\": 1e-999999999}").status())
                .isEqualTo(400);
        assertThat(c.postRaw("/sandbox/networks/bitcoin/settings", "{\"failure_rate\": 1e-100000000}").status())
                .isEqualTo(400);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(30));
        ApiResponse hugeExponent = c.postRaw("/sandbox/networks/bitcoin/settings", "{\"failure_rate\": 1e-2147483648}");
        assertThat(hugeExponent.status()).as(hugeExponent.raw()).isEqualTo(400);
        assertThat(hugeExponent.text("name")).isEqualTo("BadRequestError");
        // Empty objects by the hundred thousand cost thirty times their size once parsed.
        ApiResponse manyTokens = c.postRaw("/requests", "{\"a\":[" + "{},".repeat(200_000) + "{}]}");
        assertThat(manyTokens.status()).as(manyTokens.raw()).isEqualTo(400);
        assertThat(manyTokens.text("message")).contains("malformed JSON body");
        assertThat(c.get("/accounts/" + id + "/balances/history?end=9999-12-31T23:59:59-18:00").status())
                .as("a year that becomes 10000 in UTC").isEqualTo(400);
        assertThat(c.get("/accounts/" + id + "/balances/history?end=0001-01-01T00:00:00%2B14:00").status())
                .as("a year that becomes 0000 in UTC").isEqualTo(400);
        assertThat(c.post("/sandbox/clock", Map.of("advance_seconds", 315_360_000)).status()).isEqualTo(200);
        ApiClient later = Sandbox.legacyClient(server, ws.name(), ws.admin());
        for (int i = 1; i < 10; i++) {
            assertThat(later.post("/sandbox/clock", Map.of("advance_seconds", 315_360_000)).status()).isEqualTo(200);
        }
        assertThat(later.post("/sandbox/clock", Map.of("advance_seconds", 315_360_000)).status())
                .as("the clock stays within a hundred years of real time").isEqualTo(400);
        String note = "n".repeat(4001);
        Map<String, Object> send = new LinkedHashMap<>(Governed.send(account, "BITCOIN_LIKE_SEND", "10000",
                "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "5000", Governed.speed("NORMAL")));
        send.put("note", Map.of("title", "t", "content", note));
        ApiResponse longNote = later.post("/requests", send);
        assertThat(longNote.status()).isEqualTo(400);
        assertThat(longNote.text("message")).contains("4000");
    }

    @Test
    void inputThatBreaksTheContractIsRefused() throws Exception {
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
        assertThat(c.send("POST", "/sandbox/accounts", null).status()).isEqualTo(400);
        byte[] overlong = "{\"name\":\"a\u00c0\u00afb\",\"currency\":\"bitcoin\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(postBytes(ws, "/sandbox/accounts", overlong)).as("an overlong UTF-8 form").isEqualTo(400);
        assertThat(c.postRaw("/sandbox/accounts", "{\"name\":\"lone\\ud800\",\"currency\":\"bitcoin\"}").status())
                .as("an unpaired surrogate").isEqualTo(400);
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

    /** A reused refresh token revoked its family, but the access token issued from its first use lived on. */
    @Test
    void aReusedRefreshTokenEndsEverySessionOfItsUser() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        JsonNode operator = Sandbox.apiUser(ws.client(), "OPERATOR", false);
        ApiResponse login = login(ws.name(), operator);
        ApiResponse rotated = server.anonymous().post("/auth/token/refresh", Map.of("refresh_token",
                login.text("refresh_token")));
        ApiClient thief = withToken(ws.name(), rotated.text("access_token"));
        assertThat(thief.get("/accounts").status()).isEqualTo(200);
        assertThat(server.anonymous().post("/auth/token/refresh", Map.of("refresh_token", login.text("refresh_token")))
                .status()).as("the copy is detected").isEqualTo(401);
        assertThat(thief.get("/accounts").status()).as("and every session ends").isEqualTo(401);
    }

    /** A token send whose steps no set of distinct users could complete held the parent's fee for a week. */
    @Test
    void aRequestNoOneCouldCompleteIsRefusedAtOnce() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        Approver operator = Governed.operator(server, ws[0], admin.client());
        JsonNode parent = Governed.account(admin.client(), "ethereum", List.of(Governed.step(2, operator, admin)));
        Map<String, Object> tokenBody = new LinkedHashMap<>();
        tokenBody.put("name", Sandbox.uniqueName("usdt"));
        tokenBody.put("currency", "ethereum");
        tokenBody.put("parent", parent.path("id").asLong());
        tokenBody.put("contract_address", USDT);
        tokenBody.put("governance_rules", List.of(Map.of("name", "operator", "rules", List.of(Map.of(
                "type", "MULTI_AUTHORIZATIONS", "data", List.of(Governed.step(1, operator)))))));
        JsonNode token = Sandbox.account(admin.client(), tokenBody);
        Sandbox.deposit(admin.client(), parent.path("id").asLong(), ETH.toString());
        Sandbox.deposit(admin.client(), token.path("id").asLong(), "1000");
        Sandbox.mine(admin.client(), "ethereum", 12);
        ApiResponse refused = operator.client().post("/requests", Governed.send(token, "ETHEREUM_LIKE_SEND", "1",
                ETH_RECIPIENT, "10000000000000000", Governed.speed("NORMAL")));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.text("message")).contains("cannot all be completed");
        assertThat(admin.client().get("/accounts/" + parent.path("id").asLong() + "/balances").text("pending"))
                .as("nothing stays reserved").isEqualTo("0");
    }

    /** Malformed chunked bodies answered 500 with a stack trace in the log. */
    @Test
    void malformedChunkedBodiesAreBadRequests() throws Exception {
        for (String chunked : List.of("zz\r\n\r\n", "ffffffffff\r\n{}\r\n0\r\n\r\n", "-5\r\n\r\n")) {
            String answer = raw("POST /auth/token HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n" + chunked);
            assertThat(answer).as(chunked).startsWith("HTTP/1.1 400").doesNotContain("InternalServerError");
        }
        String cut = raw("POST /auth/token HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"api_key_id\":", true);
        assertThat(cut).doesNotContain("500");
        for (String line : List.of("\u0001GET /health HTTP/1.1", "G\u007fT /health HTTP/1.1")) {
            String answer = raw(line + "\r\nHost: x\r\n\r\n");
            assertThat(answer).as("a control character in the method").startsWith("HTTP/1.1 400").contains("BadRequestError");
        }
    }

    /**
     * With {@code Expect: 100-continue}, a body the handler never read was parsed as the next request
     * on the connection: behind a proxy that shares connections, a request smuggled past it.
     */
    @Test
    void anUnreadBodyIsNeverTakenForTheNextRequest() throws Exception {
        String smuggled = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
        String answers = rawUntilClosed("POST /requests HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                + "Content-Length: " + smuggled.length() + "\r\n\r\n" + smuggled
                + "GET /accounts HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(answers).doesNotContain("HTTP/1.1 200");
        assertThat(answers.split("HTTP/1\\.1 401", -1)).as(answers).hasSize(3);
    }

    /** On a moved sandbox clock, a challenge's expiry told whether a username exists. */
    @Test
    void anApiAccessChallengeDoesNotTellWhetherAUserExists() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        assertThat(ws.client().post("/sandbox/clock", Map.of("advance_seconds", 86_400)).status()).isEqualTo(200);
        ApiClient anonymous = server.anonymous().with("X-Ledger-Workspace", ws.name());
        long existing = expiry(anonymous.get("/auth/api-access/challenge?username=" + ws.admin().path("username").asText()));
        long unknown = expiry(anonymous.get("/auth/api-access/challenge?username=nobody"));
        assertThat(Math.abs(existing - unknown)).isLessThan(60_000);
    }

    private static long expiry(ApiResponse challenge) {
        String payload = new String(Base64.getUrlDecoder().decode(challenge.text("challenge")), StandardCharsets.UTF_8);
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"expires_at_ms\":([0-9]+)").matcher(payload);
        assertThat(matcher.find()).as(payload).isTrue();
        return Long.parseLong(matcher.group(1));
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

    /** A HEAD answer with body bytes puts every later answer on a kept-alive connection out of step. */
    @Test
    void headAnswersCarryNoBodyOnTheWire() throws Exception {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        String headers = "Host: x\r\nX-Ledger-Workspace: " + ws.name() + "\r\nX-Ledger-API-User: "
                + ws.admin().path("username").asText() + "\r\nX-Ledger-API-Key: "
                + ws.admin().path("api_key_secret").asText() + "\r\n";
        java.net.URI base = java.net.URI.create(server.baseUrl());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String pipelined = "HEAD /health HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "HEAD /accounts HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "HEAD /no/such/route HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "HEAD /accounts HTTP/1.1\r\n" + headers + "\r\n"
                    + "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(pipelined.getBytes(StandardCharsets.US_ASCII));
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            // The last answer ends with GET's body; the server may keep the socket open after it.
            while (!received.toString(StandardCharsets.US_ASCII).endsWith("{\"status\":\"UP\"}")) {
                int read = socket.getInputStream().read(chunk);
                if (read < 0) {
                    break;
                }
                received.write(chunk, 0, read);
            }
            String answers = received.toString(StandardCharsets.US_ASCII);
            String[] responses = answers.split("(?=HTTP/1\\.1 )");
            assertThat(responses).as(answers).hasSize(5);
            assertThat(responses[0]).startsWith("HTTP/1.1 200").endsWith("\r\n\r\n");
            assertThat(responses[1]).startsWith("HTTP/1.1 401").endsWith("\r\n\r\n");
            assertThat(responses[2]).startsWith("HTTP/1.1 404").endsWith("\r\n\r\n");
            assertThat(responses[3]).startsWith("HTTP/1.1 200").endsWith("\r\n\r\n");
            assertThat(responses[4]).startsWith("HTTP/1.1 200").endsWith("{\"status\":\"UP\"}");
        }
    }

    @Test
    void answersHoldingSecretsAreNeverCached() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        ApiResponse token = login(ws.name(), ws.admin());
        assertThat(token.headers().firstValue("Cache-Control")).hasValue("no-store");
        ApiResponse refreshed = server.anonymous().post("/auth/token/refresh",
                Map.of("refresh_token", token.text("refresh_token")));
        assertThat(refreshed.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(server.anonymous().post("/sandbox/workspaces", Map.of("name", Sandbox.uniqueName("nocache")))
                .headers().firstValue("Cache-Control")).hasValue("no-store");
        ApiResponse user = ws.client().post("/sandbox/api-users", Map.of("username", Sandbox.uniqueName("u")));
        assertThat(user.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(ws.client().post("/sandbox/api-users/" + user.get("api_user").path("id").asLong() + "/api-access",
                Map.of()).headers().firstValue("Cache-Control")).hasValue("no-store");
        long entity = ws.client().post("/sandbox/entities", Map.of("name", Sandbox.uniqueName("e"))).id();
        assertThat(ws.client().post("/reporting-keys", Map.of("name", Sandbox.uniqueName("k"), "entities", List.of(entity)))
                .headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    private String raw(String request) throws Exception {
        return raw(request, false);
    }

    /** Sends raw bytes and reads the answer (with {@code halfClose}, the client stops sending mid-body). */
    private String raw(String request, boolean halfClose) throws Exception {
        java.net.URI base = java.net.URI.create(server.baseUrl());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            if (halfClose) {
                socket.shutdownOutput();
            }
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            try {
                int read;
                while ((read = socket.getInputStream().read(chunk)) > 0) {
                    received.write(chunk, 0, read);
                    if (received.toString(StandardCharsets.ISO_8859_1).contains("\"status_code\"")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException closed) {
                // what arrived is the answer
            }
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Sends raw bytes, then ends the sending side, and reads every answer until the server closes. */
    private String rawUntilClosed(String requests) throws Exception {
        java.net.URI base = java.net.URI.create(server.baseUrl());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.ISO_8859_1));
            // The server closes its side once it has read to the end of what was sent.
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private int postBytes(Sandbox.Workspace ws, String path, byte[] body) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + path))
                .header("X-Ledger-Workspace", ws.name()).header("X-Ledger-API-User", ws.admin().path("username").asText())
                .header("X-Ledger-API-Key", ws.admin().path("api_key_secret").asText())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
                .statusCode();
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
