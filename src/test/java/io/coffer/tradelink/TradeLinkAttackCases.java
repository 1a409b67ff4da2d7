package io.coffer.tradelink;

import static io.coffer.tradelink.TradeLinkWorld.ETH;
import static io.coffer.tradelink.TradeLinkWorld.balances;
import static io.coffer.tradelink.TradeLinkWorld.newId;
import static io.coffer.tradelink.TradeLinkWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A hostile client against settlements: the spec's own {@code outbound_transaction_intent} shape
 * (transaction creation data) is honoured, and every field of it that would move funds elsewhere,
 * from another account or in another way than the pledge allows is refused with nothing written.
 */
abstract class TradeLinkAttackCases extends ServerCases {

    private static final BigInteger TEN = ETH.multiply(BigInteger.TEN);
    private static final String STRANGER = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    /** {@code EthereumSendTransactionCreationData} as the spec shapes it, paying the settlement account. */
    private static Map<String, Object> specIntent(TradeLinkWorld w, String recipient, BigInteger amount) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("account_name", w.account.path("name").asText());
        data.put("amount", amount.toString());
        data.put("currency", w.currency);
        data.put("max_fees", ETH.divide(BigInteger.TEN).toString());
        data.put("recipient", recipient);
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("account_id", w.accountId);
        intent.put("transaction_type", "ETHEREUM_LIKE_SEND");
        intent.put("fees_strategy", Map.of("type", "SPEED", "data", Map.of("speed", "NORMAL")));
        intent.put("transaction_data", data);
        return intent;
    }

    private static Map<String, Object> settle(String pledgeId, Map<String, Object> intent) {
        return Map.of("id", newId(), "from_pledge_id", pledgeId, "meta", Map.of(), "outbound_transaction_intent", intent);
    }

    private static String address(ApiClient client, long accountId) {
        return ok(client.get("/accounts/" + accountId)).path("address").asText();
    }

    @Test
    void theSpecsTransactionCreationDataSettlesItsAmountToTheSettlementAccount() {
        TradeLinkWorld w = new TradeLinkWorld(server, TEN);
        ApiClient admin = w.admin.client();
        String pledgeId = w.openPledge(ETH).path("id").asText();
        BigInteger half = ETH.divide(BigInteger.TWO);
        ApiResponse settled = w.xavier.client().post("/settlements",
                settle(pledgeId, specIntent(w, address(admin, w.exchangeAccountId), half)));
        assertThat(settled.status()).as(settled.raw()).isEqualTo(200);
        assertThat(settled.json().path("state").asText()).isEqualTo("OUTBOUND_TRANSACTION_SUBMITTED");
        long txId = settled.json().path("outbound_transaction").path("transaction_id").asLong();
        JsonNode sent = ok(admin.get("/transactions/" + txId));
        assertThat(sent.path("amount").asText()).isEqualTo(half.toString());
        Sandbox.mine(admin, w.currency, 12);
        BigInteger fee = new BigInteger(ok(admin.get("/transactions/" + txId)).path("fees").asText());
        assertThat(balances(admin, w.exchangeAccountId)[2]).isEqualTo(half);
        assertThat(balances(admin, w.accountId)).containsExactly(TEN.subtract(half).subtract(fee), BigInteger.ZERO,
                TEN.subtract(half).subtract(fee));
        assertThat(w.pledge(admin, pledgeId).path("state").asText()).isEqualTo("PLEDGE_CONSUMED");
    }

    @Test
    void aBitcoinSpecIntentWithCustomFeesPerByteSettlesAtThatRate() {
        BigInteger coin = BigInteger.valueOf(100_000_000L);
        TradeLinkWorld w = new TradeLinkWorld(server, coin, "bitcoin");
        ApiClient admin = w.admin.client();
        String pledgeId = w.openPledge(BigInteger.valueOf(40_000_000L)).path("id").asText();
        Map<String, Object> intent = specIntent(w, address(admin, w.exchangeAccountId), BigInteger.valueOf(30_000_000L));
        intent.put("transaction_type", "BITCOIN_LIKE_SEND");
        intent.put("fees_strategy", Map.of("type", "CUSTOM", "data", Map.of("fees_per_byte", "7")));
        data(intent).put("max_fees", "100000");
        JsonNode settled = ok(w.xavier.client().post("/settlements", settle(pledgeId, intent)));
        long txId = settled.path("outbound_transaction").path("transaction_id").asLong();
        Sandbox.mine(admin, "bitcoin", 6);
        JsonNode sent = ok(admin.get("/transactions/" + txId));
        assertThat(sent.path("amount").asText()).isEqualTo("30000000");
        BigInteger fee = new BigInteger(sent.path("fees").asText());
        assertThat(fee.mod(BigInteger.valueOf(7))).as("paid at the client's rate per byte").isZero();
        assertThat(balances(admin, w.exchangeAccountId)[2]).isEqualTo(BigInteger.valueOf(30_000_000L));
        BigInteger left = coin.subtract(BigInteger.valueOf(30_000_000L)).subtract(fee);
        assertThat(balances(admin, w.accountId)).containsExactly(left, BigInteger.ZERO, left);
    }

    @Test
    void aSpecIntentThatRedirectsOrMisnamesTheFundsIsRefusedWithNothingWritten() {
        TradeLinkWorld w = new TradeLinkWorld(server, TEN);
        ApiClient admin = w.admin.client();
        String pledgeId = w.openPledge(ETH).path("id").asText();
        String own = address(admin, w.exchangeAccountId);
        BigInteger[] before = balances(admin, w.accountId);
        Map<String, Consumer<Map<String, Object>>> attacks = new LinkedHashMap<>();
        attacks.put("recipient", intent -> data(intent).put("recipient", STRANGER));
        attacks.put("account_id", intent -> intent.put("account_id", w.exchangeAccountId));
        attacks.put("account_name", intent -> data(intent).put("account_name", "someone else"));
        attacks.put("currency", intent -> data(intent).put("currency", "ethereum_sepolia"));
        attacks.put("transaction_type", intent -> intent.put("transaction_type", "BITCOIN_LIKE_SEND"));
        attacks.put("contract_address", intent -> data(intent).put("contract_address", STRANGER));
        attacks.put("max_fees", intent -> data(intent).put("max_fees", "1"));
        attacks.put("amount", intent -> data(intent).put("amount", ETH.add(BigInteger.ONE).toString()));
        attacks.put("unknown", intent -> intent.put("extra", 1));
        attacks.put("unknown data", intent -> data(intent).put("memo", "x"));
        attacks.put("fees_strategy", intent -> intent.put("fees_strategy", Map.of("type", "FREE")));
        attacks.put("missing recipient", intent -> data(intent).remove("recipient"));
        for (var attack : attacks.entrySet()) {
            Map<String, Object> intent = specIntent(w, own, ETH);
            attack.getValue().accept(intent);
            ApiResponse refused = w.xavier.client().post("/settlements", settle(pledgeId, intent));
            assertThat(refused.status()).as(attack.getKey() + ": " + refused.raw()).isEqualTo(400);
        }
        assertThat(balances(admin, w.accountId)).containsExactly(before);
        assertThat(w.pledge(admin, pledgeId).path("state").asText()).isEqualTo("PLEDGE_READY");
        assertThat(ok(admin.get("/settlements")).path("page_info").path("count").asLong()).isZero();
    }

    @Test
    void aRecoveryReadsItsFeeStrategyStrictlyAndMovesNoFundsWhateverItsMaxFee() {
        TradeLinkWorld w = new TradeLinkWorld(server, TEN);
        ApiClient admin = w.admin.client();
        String pledgeId = w.openPledge(ETH).path("id").asText();
        String settlementId = newId();
        ok(w.xavier.client().post("/settlements", TradeLinkWorld.settlement(settlementId, pledgeId)));
        BigInteger[] before = balances(admin, w.accountId);
        String recover = "/settlements/" + settlementId + "/recover";
        Map<String, Object> fast = Map.of("type", "SPEED", "data", Map.of("speed", "FAST"));
        String enough = ETH.toString();
        for (Object strategy : java.util.List.of(Map.of("type", "FREE", "data", Map.of()), Map.of("type", "SPEED"),
                Map.of("type", "SPEED", "data", Map.of("speed", "WARP")), Map.of("type", "SPEED", "data",
                        Map.of("speed", "FAST", "tip", "1")), Map.of("type", "CUSTOM", "data", Map.of()), "SPEED")) {
            ApiResponse refused = w.xavier.client().post(recover, Map.of("fee_strategy", strategy, "max_fee", enough));
            assertThat(refused.status()).as(strategy + ": " + refused.raw()).isEqualTo(400);
        }
        for (Object maxFee : java.util.List.of(BigInteger.TWO.pow(256).toString(), "-1", "1.5", "1e18", 5, "")) {
            ApiResponse refused = w.xavier.client().post(recover, Map.of("fee_strategy", fast, "max_fee", maxFee));
            assertThat(refused.status()).as(maxFee + ": " + refused.raw()).isEqualTo(400);
        }
        assertThat(w.alice.client().post(recover, Map.of("fee_strategy", fast, "max_fee", enough)).status())
                .as("the asset manager's user does not recover the exchange's settlement").isEqualTo(400);
        JsonNode recovered = ok(w.xavier.client().post(recover, Map.of("fee_strategy", fast, "max_fee",
                BigInteger.TWO.pow(256).subtract(BigInteger.ONE).toString())));
        assertThat(recovered.path("state").asText()).isEqualTo("OUTBOUND_TRANSACTION_RECOVERED");
        assertThat(balances(admin, w.accountId)).containsExactly(before);
    }

    @Test
    void aPendingIncrementDoesNotBlockTheExchangeAndIsNotAppliedAfterTheSettlement() {
        TradeLinkWorld w = new TradeLinkWorld(server, TEN);
        ApiClient admin = w.admin.client();
        JsonNode pledge = w.openPledge(ETH);
        String pledgeId = pledge.path("id").asText();
        long request = ok(w.alice.client().post("/requests", w.increment(pledge, ETH.multiply(BigInteger.TWO))))
                .path("id").asLong();
        ok(io.coffer.testing.Governed.approve(w.alice, request));
        // The asset manager cannot hold the exchange's collateral hostage with a request it alone keeps open.
        JsonNode settled = ok(w.xavier.client().post("/settlements", TradeLinkWorld.settlement(newId(), pledgeId)));
        long txId = settled.path("outbound_transaction").path("transaction_id").asLong();
        assertThat(ok(admin.get("/transactions/" + txId)).path("amount").asText()).isEqualTo(ETH.toString());
        JsonNode assigned = w.pledge(admin, pledgeId);
        assertThat(assigned.path("state").asText()).isEqualTo("ASSIGNED_TO_SETTLEMENT");
        assertThat(TradeLinkWorld.number(assigned, "pending")).isZero();
        ApiResponse late = io.coffer.testing.Governed.approve(w.bob, request);
        assertThat(late.status()).as("the increment no longer applies: " + late.raw()).isEqualTo(400);
        ok(io.coffer.testing.Governed.reject(w.bob, request));
        Sandbox.mine(admin, w.currency, 12);
        BigInteger fee = new BigInteger(ok(admin.get("/transactions/" + txId)).path("fees").asText());
        BigInteger left = TEN.subtract(ETH).subtract(fee);
        assertThat(balances(admin, w.accountId)).containsExactly(left, BigInteger.ZERO, left);
        JsonNode consumed = w.pledge(admin, pledgeId);
        assertThat(consumed.path("state").asText()).isEqualTo("PLEDGE_CONSUMED");
        assertThat(TradeLinkWorld.number(consumed, "amount")).isEqualTo(ETH);

        // A forced unpledge is the custodian's decision: while it waits, the pledge is not settled.
        JsonNode second = w.openPledge(ETH);
        ok(w.alice.client().post("/requests", w.unpledge(second)));
        assertThat(w.xavier.client().post("/settlements", TradeLinkWorld.settlement(newId(), second.path("id").asText()))
                .status()).isEqualTo(400);
    }

    @Test
    void aStaleIncrementRequestNeverAppliesNorUndoesTheCurrentOne() {
        TradeLinkWorld w = new TradeLinkWorld(server, TEN);
        ApiClient admin = w.admin.client();
        JsonNode pledge = w.openPledge(ETH);
        String pledgeId = pledge.path("id").asText();
        long stale = ok(w.alice.client().post("/requests", w.increment(pledge, ETH))).path("id").asLong();
        ok(io.coffer.testing.Governed.approve(w.alice, stale));
        ok(admin.post("/sandbox/networks/ethereum/settings", Map.of("failure_rate", 1)));
        String failed = newId();
        JsonNode refused = ok(w.xavier.client().post("/settlements", TradeLinkWorld.settlement(failed, pledgeId)));
        ok(admin.post("/sandbox/networks/ethereum/settings", Map.of("failure_rate", 0)));
        assertThat(refused.path("state").asText()).isEqualTo("OUTBOUND_TRANSACTION_FAILED");
        ok(w.xavier.client().post("/settlements/" + failed + "/cancel", Map.of()));
        BigInteger two = ETH.multiply(BigInteger.TWO);
        long current = ok(w.alice.client().post("/requests", w.increment(pledge, two))).path("id").asLong();
        ok(io.coffer.testing.Governed.approve(w.alice, current));
        assertThat(io.coffer.testing.Governed.approve(w.bob, stale).status()).as("the stale request").isEqualTo(400);
        ok(io.coffer.testing.Governed.reject(w.bob, stale));
        JsonNode waiting = w.pledge(admin, pledgeId);
        assertThat(waiting.path("state").asText()).as("rejecting the stale request leaves the current one waiting")
                .isEqualTo("PLEDGE_INCREMENT_PENDING_APPROVAL");
        assertThat(TradeLinkWorld.number(waiting, "pending")).isEqualTo(two);
        ok(io.coffer.testing.Governed.approve(w.bob, current));
        JsonNode raised = w.pledge(admin, pledgeId);
        assertThat(raised.path("state").asText()).isEqualTo("PLEDGE_READY");
        assertThat(TradeLinkWorld.number(raised, "amount")).isEqualTo(ETH.add(two));
        BigInteger pledged = ETH.add(two);
        assertThat(balances(admin, w.accountId)).containsExactly(TEN.subtract(pledged), pledged, TEN);
    }

    @Test
    void anIncrementsLastApprovalRacingASettlementNeverSettlesUnreservedFunds() throws Exception {
        TradeLinkWorld w = new TradeLinkWorld(server, TEN);
        ApiClient admin = w.admin.client();
        BigInteger spent = BigInteger.ZERO;
        for (int round = 0; round < 4; round++) {
            JsonNode pledge = w.openPledge(ETH);
            String pledgeId = pledge.path("id").asText();
            long request = ok(w.alice.client().post("/requests", w.increment(pledge, ETH))).path("id").asLong();
            ok(io.coffer.testing.Governed.approve(w.alice, request));
            String settlementId = newId();
            java.util.List<ApiResponse> raced = io.coffer.testing.Parallel.calls(2, i -> i == 0
                    ? io.coffer.testing.Governed.approve(w.bob, request)
                    : w.xavier.client().post("/settlements", TradeLinkWorld.settlement(settlementId, pledgeId)));
            assertThat(raced.get(1).status()).as(raced.get(1).raw()).isEqualTo(200);
            Sandbox.mine(admin, w.currency, 12);
            long txId = raced.get(1).get("outbound_transaction").path("transaction_id").asLong();
            JsonNode sent = ok(admin.get("/transactions/" + txId));
            BigInteger amount = new BigInteger(sent.path("amount").asText());
            // Either the increment applied first and the settlement took both, or it came too late and applied nothing.
            assertThat(amount).isEqualTo(raced.get(0).status() == 200 ? ETH.multiply(BigInteger.TWO) : ETH);
            JsonNode consumed = w.pledge(admin, pledgeId);
            assertThat(consumed.path("state").asText()).isEqualTo("PLEDGE_CONSUMED");
            assertThat(TradeLinkWorld.number(consumed, "amount")).isEqualTo(amount);
            spent = spent.add(amount).add(new BigInteger(sent.path("fees").asText()));
            assertThat(balances(admin, w.accountId)).as("round " + round)
                    .containsExactly(TEN.subtract(spent), BigInteger.ZERO, TEN.subtract(spent));
            if (raced.get(0).status() != 200) {
                ok(io.coffer.testing.Governed.reject(w.bob, request));
            }
        }
    }

    @Test
    void aSettlementIdReusedWithOtherDataIsRefusedNotSilentlyReplayed() {
        TradeLinkWorld w = new TradeLinkWorld(server, TEN);
        ApiClient admin = w.admin.client();
        String pledgeId = w.openPledge(ETH).path("id").asText();
        String id = newId();
        BigInteger half = ETH.divide(BigInteger.TWO);
        Map<String, Object> first = Map.of("id", id, "from_pledge_id", pledgeId, "meta", Map.of("ticket", 1),
                "outbound_transaction_intent", Map.of("amount", half.toString()));
        JsonNode settled = ok(w.xavier.client().post("/settlements", first));
        // The same body again (a retry, here with the id in upper case) replays the settlement.
        Map<String, Object> retry = new LinkedHashMap<>(first);
        retry.put("id", id.toUpperCase(java.util.Locale.ROOT));
        assertThat(ok(w.xavier.client().post("/settlements", retry))).isEqualTo(settled);
        // Another amount, the whole pledge or another meta under the same id is another settlement: refused.
        for (Map<String, Object> other : java.util.List.<Map<String, Object>>of(
                Map.of("id", id, "from_pledge_id", pledgeId, "meta", Map.of("ticket", 1),
                        "outbound_transaction_intent", Map.of("amount", ETH.toString())),
                Map.of("id", id, "from_pledge_id", pledgeId, "meta", Map.of("ticket", 1)),
                Map.of("id", id, "from_pledge_id", pledgeId, "meta", Map.of("ticket", 2),
                        "outbound_transaction_intent", Map.of("amount", half.toString())))) {
            ApiResponse refused = w.xavier.client().post("/settlements", other);
            assertThat(refused.status()).as(other + ": " + refused.raw()).isEqualTo(400);
        }
        assertThat(ok(admin.get("/settlements")).path("page_info").path("count").asLong()).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> intent) {
        return (Map<String, Object>) intent.get("transaction_data");
    }
}
