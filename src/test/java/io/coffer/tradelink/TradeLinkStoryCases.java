package io.coffer.tradelink;

import static io.coffer.tradelink.TradeLinkWorld.ETH;
import static io.coffer.tradelink.TradeLinkWorld.balances;
import static io.coffer.tradelink.TradeLinkWorld.newId;
import static io.coffer.tradelink.TradeLinkWorld.number;
import static io.coffer.tradelink.TradeLinkWorld.ok;
import static io.coffer.tradelink.TradeLinkWorld.settlement;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Governed;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The TradeLink story through HTTP: parties set up, a pledge opened, raised by governed increments
 * (one rejected), settled to confirmation with every balance exact, a failed broadcast cancelled, a
 * submitted settlement recovered, a forced unpledge; and every wrong state, bad id and foreign
 * caller refused.
 */
abstract class TradeLinkStoryCases extends ServerCases {

    private static final BigInteger TEN = ETH.multiply(BigInteger.TEN);

    @Test
    void aPledgeIsRaisedByApprovalsAndSettledToConfirmationWithFundsExact() {
        TradeLinkWorld w = new TradeLinkWorld(server, TEN);
        ApiClient admin = w.admin.client();
        JsonNode pledge = w.openPledge(ETH);
        String id = pledge.path("id").asText();
        assertThat(pledge.path("state").asText()).isEqualTo("PLEDGE_READY");
        assertThat(number(pledge, "amount")).isEqualTo(ETH);
        assertThat(number(pledge, "pending")).isZero();
        assertThat(pledge.path("account_id").asLong()).isEqualTo(w.accountId);
        assertThat(pledge.path("exchange").path("id").asText()).isEqualTo(Long.toString(w.exchangeId));
        assertThat(pledge.path("custodian").path("code").asText()).isEqualTo(w.workspace);
        assertThat(balances(admin, w.accountId)).containsExactly(TEN.subtract(ETH), ETH, TEN);

        // Alice asks for 2 ETH more: pending, nothing reserved until the last approval.
        JsonNode request = ok(w.alice.client().post("/requests", w.increment(pledge, ETH.multiply(BigInteger.TWO))));
        assertThat(request.path("target_type").asText()).isEqualTo("PLEDGE_INCREMENT");
        assertThat(request.path("type").asText()).isEqualTo("CREATE_PLEDGE_INCREMENT");
        long requestId = request.path("id").asLong();
        JsonNode waiting = w.pledge(w.alice.client(), id);
        assertThat(waiting.path("state").asText()).isEqualTo("PLEDGE_INCREMENT_PENDING_APPROVAL");
        assertThat(number(waiting, "pending")).isEqualTo(ETH.multiply(BigInteger.TWO));
        assertThat(number(waiting, "amount")).isEqualTo(ETH);
        ok(Governed.approve(w.alice, requestId));
        assertThat(balances(admin, w.accountId)).containsExactly(TEN.subtract(ETH), ETH, TEN);
        assertThat(w.pledge(admin, id).path("state").asText()).isEqualTo("PLEDGE_INCREMENT_PENDING_APPROVAL");
        // A second increment cannot start while one waits.
        assertThat(w.alice.client().post("/requests", w.increment(pledge, ETH)).status()).isEqualTo(400);
        ok(Governed.approve(w.bob, requestId));
        JsonNode raised = w.pledge(admin, id);
        assertThat(raised.path("state").asText()).isEqualTo("PLEDGE_READY");
        assertThat(number(raised, "amount")).isEqualTo(ETH.multiply(BigInteger.valueOf(3)));
        assertThat(number(raised, "pending")).isZero();
        BigInteger three = ETH.multiply(BigInteger.valueOf(3));
        assertThat(balances(admin, w.accountId)).containsExactly(TEN.subtract(three), three, TEN);

        // A rejected increment leaves the pledge as it was and reserves nothing.
        JsonNode rejected = ok(w.alice.client().post("/requests", w.increment(pledge, ETH)));
        ok(Governed.approve(w.alice, rejected.path("id").asLong()));
        ok(Governed.reject(w.bob, rejected.path("id").asLong()));
        JsonNode back = w.pledge(admin, id);
        assertThat(back.path("state").asText()).isEqualTo("PLEDGE_READY");
        assertThat(number(back, "amount")).isEqualTo(three);
        assertThat(number(back, "pending")).isZero();
        assertThat(balances(admin, w.accountId)).containsExactly(TEN.subtract(three), three, TEN);
        JsonNode increments = ok(admin.get("/requests?target_type=PLEDGE_INCREMENT"));
        assertThat(increments.path("page_info").path("count").asLong()).isEqualTo(2);

        // Xavier, for the exchange, settles the whole pledge.
        String settlementId = newId();
        JsonNode settled = ok(w.xavier.client().post("/settlements", settlement(settlementId, id)));
        assertThat(settled.path("id").asText()).isEqualTo(settlementId);
        assertThat(settled.path("from_pledge_id").asText()).isEqualTo(id);
        assertThat(settled.path("state").asText()).isEqualTo("OUTBOUND_TRANSACTION_SUBMITTED");
        assertThat(settled.path("meta").path("ticket").asInt()).isEqualTo(42);
        JsonNode outbound = settled.path("outbound_transaction");
        long transactionId = outbound.path("transaction_id").asLong();
        long outboundRequest = outbound.path("request_id").asLong();
        assertThat(outbound.path("transaction_hash").asText()).startsWith("0x");
        assertThat(w.pledge(admin, id).path("state").asText()).isEqualTo("ASSIGNED_TO_SETTLEMENT");
        JsonNode transaction = ok(admin.get("/transactions/" + transactionId));
        assertThat(transaction.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(transaction.path("amount").asText()).isEqualTo(three.toString());
        assertThat(transaction.path("tx_hash").asText()).isEqualTo(outbound.path("transaction_hash").asText());
        ok(admin.get("/requests/" + outboundRequest + "/governance-status"));
        JsonNode sendRequest = ok(admin.get("/requests/" + outboundRequest));
        assertThat(sendRequest.path("type").asText()).isEqualTo("CREATE_TRANSACTION");
        assertThat(sendRequest.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(sendRequest.path("target_id").asLong()).isEqualTo(transactionId);

        // The same id again answers the same settlement; it does not settle twice.
        JsonNode again = ok(w.xavier.client().post("/settlements", settlement(settlementId, id)));
        assertThat(again.path("outbound_transaction").path("transaction_id").asLong()).isEqualTo(transactionId);
        JsonNode other = w.openPledge(BigInteger.ONE);
        assertThat(w.xavier.client().post("/settlements", settlement(settlementId, other.path("id").asText())).status())
                .isEqualTo(400);

        Sandbox.mine(admin, "ethereum", 12);
        BigInteger fee = new BigInteger(ok(admin.get("/transactions/" + transactionId)).path("fees").asText());
        assertThat(fee.signum()).isPositive();
        JsonNode consumed = w.pledge(admin, id);
        assertThat(consumed.path("state").asText()).isEqualTo("PLEDGE_CONSUMED");
        assertThat(ok(admin.get("/settlements/" + settlementId)).path("state").asText())
                .isEqualTo("OUTBOUND_TRANSACTION_CONFIRMED");
        BigInteger left = TEN.subtract(three).subtract(fee);
        // Only the 1-unit pledge opened above is still reserved.
        assertThat(balances(admin, w.accountId)).containsExactly(left.subtract(BigInteger.ONE), BigInteger.ONE, left);
        assertThat(balances(admin, w.exchangeAccountId)).containsExactly(three, BigInteger.ZERO, three);

        // Consumed: nothing more happens to it.
        assertThat(w.xavier.client().post("/settlements", settlement(newId(), id)).status()).isEqualTo(400);
        assertThat(w.xavier.client().post("/settlements/" + settlementId + "/cancel", Map.of()).status()).isEqualTo(400);
        assertThat(w.xavier.client().post("/settlements/" + settlementId + "/recover", recovery("1000000000000000"))
                .status()).isEqualTo(400);
        assertThat(w.alice.client().post("/requests", w.increment(pledge, ETH)).status()).isEqualTo(400);

        // The settlements search answers the pledge envelope the contract declares.
        JsonNode search = ok(w.xavier.client().get("/settlements"));
        assertThat(search.path("page_info").path("count").asLong()).isEqualTo(1);
        assertThat(search.path("edges").get(0).path("node").path("id").asText()).isEqualTo(id);
        assertThat(search.path("edges").get(0).path("node").path("state").asText()).isEqualTo("PLEDGE_CONSUMED");
    }

    @Test
    void aFailedBroadcastIsCancelledAndASubmittedSettlementRecovered() {
        TradeLinkWorld w = new TradeLinkWorld(server, TEN);
        ApiClient admin = w.admin.client();
        String id = w.openPledge(ETH.multiply(BigInteger.TWO)).path("id").asText();
        BigInteger two = ETH.multiply(BigInteger.TWO);
        ok(admin.post("/sandbox/networks/ethereum/settings", Map.of("failure_rate", 1)));
        String failedId = newId();
        JsonNode failed = ok(w.xavier.client().post("/settlements", Map.of("id", failedId, "from_pledge_id", id, "meta",
                Map.of(), "outbound_transaction_intent", Map.of("amount", ETH.toString()))));
        assertThat(failed.path("state").asText()).isEqualTo("OUTBOUND_TRANSACTION_FAILED");
        assertThat(ok(admin.get("/transactions/" + failed.path("outbound_transaction").path("transaction_id").asLong()))
                .path("status").asText()).isEqualTo("FAILED_TO_BROADCAST");
        assertThat(w.pledge(admin, id).path("state").asText()).isEqualTo("OUTBOUND_TRANSACTION_FAILED");
        // The pledge holds its funds again, exactly.
        assertThat(balances(admin, w.accountId)).containsExactly(TEN.subtract(two), two, TEN);
        assertThat(w.xavier.client().post("/settlements/" + failedId + "/recover", recovery("1")).status()).isEqualTo(400);
        assertThat(w.alice.client().post("/settlements/" + failedId + "/cancel", Map.of()).status())
                .as("only the exchange's users cancel").isEqualTo(400);
        assertThat(w.eve.client().post("/settlements/" + failedId + "/cancel", Map.of()).status())
                .as("a user who cannot see it").isEqualTo(404);
        JsonNode cancelled = ok(w.xavier.client().post("/settlements/" + failedId + "/cancel", Map.of()));
        assertThat(cancelled.path("state").asText()).isEqualTo("CANCELED");
        assertThat(w.pledge(admin, id).path("state").asText()).isEqualTo("PLEDGE_READY");
        assertThat(w.xavier.client().post("/settlements/" + failedId + "/cancel", Map.of()).status()).isEqualTo(400);
        assertThat(balances(admin, w.accountId)).containsExactly(TEN.subtract(two), two, TEN);

        // The network accepts again: a partial settlement of 1 ETH, the other 1 ETH is released.
        ok(admin.post("/sandbox/networks/ethereum/settings", Map.of("failure_rate", 0)));
        String submittedId = newId();
        JsonNode submitted = ok(w.xavier.client().post("/settlements", Map.of("id", submittedId, "from_pledge_id", id,
                "meta", Map.of("n", 1), "outbound_transaction_intent", Map.of("amount", ETH.toString()))));
        assertThat(submitted.path("state").asText()).isEqualTo("OUTBOUND_TRANSACTION_SUBMITTED");
        assertThat(w.xavier.client().post("/settlements/" + submittedId + "/cancel", Map.of()).status()).isEqualTo(400);
        assertThat(w.xavier.client().post("/settlements/" + submittedId + "/recover", recovery("1")).status())
                .as("below the fee already paid").isEqualTo(400);
        assertThat(w.xavier.client().post("/settlements/" + submittedId + "/recover", Map.of("max_fee", "1")).status())
                .isEqualTo(400);
        JsonNode recovered = ok(w.xavier.client().post("/settlements/" + submittedId + "/recover",
                recovery("100000000000000000")));
        assertThat(recovered.path("state").asText()).isEqualTo("OUTBOUND_TRANSACTION_RECOVERED");
        Sandbox.mine(admin, "ethereum", 12);
        long transactionId = submitted.path("outbound_transaction").path("transaction_id").asLong();
        BigInteger fee = new BigInteger(ok(admin.get("/transactions/" + transactionId)).path("fees").asText());
        assertThat(ok(admin.get("/settlements/" + submittedId)).path("state").asText())
                .isEqualTo("OUTBOUND_TRANSACTION_CONFIRMED");
        assertThat(w.xavier.client().post("/settlements/" + submittedId + "/recover", recovery("100000000000000000"))
                .status()).isEqualTo(400);
        BigInteger left = TEN.subtract(ETH).subtract(fee);
        assertThat(balances(admin, w.accountId)).containsExactly(left, BigInteger.ZERO, left);
        assertThat(balances(admin, w.exchangeAccountId)).containsExactly(ETH, BigInteger.ZERO, ETH);
        assertThat(w.pledge(admin, id).path("state").asText()).isEqualTo("PLEDGE_CONSUMED");
    }

    @Test
    void aForcedUnpledgeReleasesEverythingOnItsLastApproval() {
        TradeLinkWorld w = new TradeLinkWorld(server, TEN);
        ApiClient admin = w.admin.client();
        JsonNode pledge = w.openPledge(ETH.multiply(BigInteger.valueOf(4)));
        String id = pledge.path("id").asText();
        JsonNode request = ok(w.alice.client().post("/requests", w.unpledge(pledge)));
        assertThat(request.path("target_type").asText()).isEqualTo("FORCED_UNPLEDGE");
        assertThat(w.pledge(admin, id).path("state").asText()).isEqualTo("UNPLEDGE_PENDING_APPROVAL");
        assertThat(w.xavier.client().post("/settlements", settlement(newId(), id)).status())
                .as("not settled while an unpledge waits").isEqualTo(400);
        ok(Governed.approve(w.alice, request.path("id").asLong()));
        assertThat(balances(admin, w.accountId)[1]).isEqualTo(ETH.multiply(BigInteger.valueOf(4)));
        ok(Governed.approve(w.bob, request.path("id").asLong()));
        JsonNode released = w.pledge(admin, id);
        assertThat(released.path("state").asText()).isEqualTo("UNPLEDGE_APPROVED");
        assertThat(number(released, "amount")).isZero();
        assertThat(balances(admin, w.accountId)).containsExactly(TEN, BigInteger.ZERO, TEN);
        assertThat(w.alice.client().post("/requests", w.increment(pledge, ETH)).status()).isEqualTo(400);
        assertThat(w.alice.client().post("/requests", w.unpledge(pledge)).status()).isEqualTo(400);

        // A rejected unpledge puts the pledge back with its funds.
        JsonNode second = w.openPledge(ETH);
        JsonNode asked = ok(w.alice.client().post("/requests", w.unpledge(second)));
        ok(Governed.reject(w.alice, asked.path("id").asLong()));
        assertThat(w.pledge(admin, second.path("id").asText()).path("state").asText()).isEqualTo("PLEDGE_READY");
        assertThat(balances(admin, w.accountId)).containsExactly(TEN.subtract(ETH), ETH, TEN);
    }

    @Test
    void anIncrementBeyondTheFundsIsRefusedAtApprovalAndCanBeRejected() {
        TradeLinkWorld w = new TradeLinkWorld(server, ETH);
        JsonNode pledge = w.openPledge(BigInteger.ZERO);
        JsonNode request = ok(w.alice.client().post("/requests", w.increment(pledge, ETH.add(BigInteger.ONE))));
        ok(Governed.approve(w.alice, request.path("id").asLong()));
        ApiResponse refused = Governed.approve(w.bob, request.path("id").asLong());
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.text("message")).contains("insufficient funds");
        assertThat(w.pledge(w.admin.client(), pledge.path("id").asText()).path("state").asText())
                .isEqualTo("PLEDGE_INCREMENT_PENDING_APPROVAL");
        ok(Governed.reject(w.bob, request.path("id").asLong()));
        assertThat(w.pledge(w.admin.client(), pledge.path("id").asText()).path("state").asText()).isEqualTo("PLEDGE_READY");
        assertThat(balances(w.admin.client(), w.accountId)).containsExactly(ETH, BigInteger.ZERO, ETH);
        assertThat(w.openPledgeResponse(ETH.add(BigInteger.ONE)).status()).as("a pledge beyond the funds").isEqualTo(400);
    }

    @Test
    void badInputWrongCallersAndOtherWorkspacesAreRefused() {
        TradeLinkWorld w = new TradeLinkWorld(server, TEN);
        ApiClient admin = w.admin.client();
        JsonNode pledge = w.openPledge(ETH);
        String id = pledge.path("id").asText();

        assertThat(admin.get("/pledges/not-a-uuid").status()).isEqualTo(400);
        assertThat(admin.get("/pledges/42").status()).isEqualTo(400);
        assertThat(admin.get("/pledges/" + newId()).status()).isEqualTo(404);
        assertThat(admin.get("/settlements/" + newId()).status()).isEqualTo(404);
        assertThat(admin.get("/settlements/x").status()).isEqualTo(400);
        assertThat(admin.post("/settlements/" + newId() + "/cancel", Map.of()).status()).isEqualTo(404);
        assertThat(admin.get("/pledges?state=NOPE").status()).isEqualTo(400);
        assertThat(admin.get("/pledges?colour=red").status()).isEqualTo(400);
        assertThat(admin.post("/settlements", Map.of("id", "x", "from_pledge_id", id, "meta", Map.of())).status())
                .isEqualTo(400);
        assertThat(admin.post("/settlements", Map.of("id", newId(), "from_pledge_id", id)).status()).isEqualTo(400);
        assertThat(admin.post("/settlements", Map.of("id", newId(), "from_pledge_id", newId(), "meta", Map.of()))
                .status()).isEqualTo(400);
        assertThat(admin.post("/settlements", Map.of("id", newId(), "from_pledge_id", id, "meta", Map.of(),
                "outbound_transaction_intent", Map.of("amount", ETH.add(BigInteger.ONE).toString()))).status())
                .as("more than pledged").isEqualTo(400);
        assertThat(admin.post("/settlements", Map.of("id", newId(), "from_pledge_id", id, "meta", Map.of(),
                "inbound_transaction_intent", Map.of("amount", 1, "to_account_id", 1, "to_address", "x"))).status())
                .isEqualTo(400);

        // Requests: the creator must govern the account; the repeated fields must match; the pledge must exist.
        assertThat(w.eve.client().post("/requests", w.increment(pledge, ETH)).status()).isEqualTo(400);
        assertThat(w.xavier.client().post("/requests", w.increment(pledge, ETH)).status()).isEqualTo(400);
        Map<String, Object> wrongName = Map.of("type", "CREATE_PLEDGE_INCREMENT", "data", Map.of("pledge_subaccount_id",
                pledge.path("pledge_subaccount_id").asLong(), "pledge_data", Map.of("account_name", "other",
                        "amount", "1", "currency", "ethereum", "exchange_name", w.exchangeName)));
        assertThat(w.alice.client().post("/requests", wrongName).status()).isEqualTo(400);
        Map<String, Object> unknown = Map.of("type", "CREATE_FORCED_UNPLEDGE", "data", Map.of("pledge_subaccount_id",
                999_999_999L, "forced_unpledge_data", Map.of("account_name", w.account.path("name").asText(),
                        "currency", "ethereum", "exchange_name", w.exchangeName)));
        assertThat(w.alice.client().post("/requests", unknown).status()).isEqualTo(400);
        Map<String, Object> extra = Map.of("type", "CREATE_FORCED_UNPLEDGE", "data", Map.of("pledge_subaccount_id",
                1, "forced_unpledge_data", Map.of(), "more", 1));
        assertThat(w.alice.client().post("/requests", extra).status()).isEqualTo(400);
        assertThat(w.pledge(admin, id).path("state").asText()).isEqualTo("PLEDGE_READY");

        // Who sees what: Eve sees nothing, Xavier (exchange) and Alice (account) see the pledge.
        assertThat(w.eve.client().get("/pledges/" + id).status()).isEqualTo(404);
        assertThat(ok(w.eve.client().get("/pledges")).path("page_info").path("count").asLong()).isZero();
        assertThat(w.pledge(w.xavier.client(), id).path("id").asText()).isEqualTo(id);
        assertThat(w.pledge(w.alice.client(), id).path("id").asText()).isEqualTo(id);
        assertThat(w.eve.client().post("/settlements", settlement(newId(), id)).status()).isEqualTo(400);
        assertThat(w.alice.client().post("/settlements", settlement(newId(), id)).status())
                .as("the asset manager does not settle its own pledge").isEqualTo(400);
        assertThat(w.eve.client().post("/sandbox/pledges", Map.of("account_id", w.accountId, "asset_manager_id",
                w.assetManagerId, "exchange_id", w.exchangeId, "settlement_account_id", w.exchangeAccountId)).status())
                .isEqualTo(403);

        // Another workspace sees none of it.
        Sandbox.Workspace stranger = Sandbox.workspace(server);
        assertThat(stranger.client().get("/pledges/" + id).status()).isEqualTo(404);
        assertThat(ok(stranger.client().get("/pledges")).path("page_info").path("count").asLong()).isZero();
        assertThat(stranger.client().post("/settlements", settlement(newId(), id)).status()).isEqualTo(400);
        String settled = newId();
        ok(w.xavier.client().post("/settlements", settlement(settled, id)));
        assertThat(stranger.client().get("/settlements/" + settled).status()).isEqualTo(404);
        assertThat(stranger.client().post("/settlements/" + settled + "/recover", recovery("1")).status()).isEqualTo(404);
        assertThat(ok(stranger.client().get("/settlements")).path("page_info").path("count").asLong()).isZero();
        assertThat(stranger.client().post("/settlements", settlement(settled, id)).status())
                .as("another workspace's pledge").isEqualTo(400);
        // Settlement ids are the clients' and belong to their workspace: another tenant may use the same UUID.
        TradeLinkWorld other = new TradeLinkWorld(server, TEN);
        String theirs = other.openPledge(ETH).path("id").asText();
        JsonNode same = ok(other.xavier.client().post("/settlements", settlement(settled, theirs)));
        assertThat(same.path("from_pledge_id").asText()).isEqualTo(theirs);
        assertThat(ok(admin.get("/settlements/" + settled)).path("from_pledge_id").asText()).isEqualTo(id);
    }

    @Test
    void pledgesArePagedNewestFirstAndFilteredByStateAccountAndParties() {
        TradeLinkWorld w = new TradeLinkWorld(server, TEN);
        ApiClient admin = w.admin.client();
        String first = w.openPledge(BigInteger.ONE).path("id").asText();
        String second = w.openPledge(BigInteger.TWO).path("id").asText();
        JsonNode third = w.openPledge(BigInteger.TEN);
        ok(w.alice.client().post("/requests", w.unpledge(third)));

        JsonNode page1 = ok(admin.get("/pledges?page_size=2"));
        assertThat(page1.path("page_info").path("count").asLong()).isEqualTo(3);
        assertThat(page1.path("page_info").path("has_next_page").asBoolean()).isTrue();
        assertThat(page1.path("edges").get(0).path("node").path("id").asText()).isEqualTo(third.path("id").asText());
        assertThat(page1.path("edges").get(1).path("cursor").asInt()).isEqualTo(1);
        JsonNode page2 = ok(admin.get("/pledges?page_size=2&page=2"));
        assertThat(page2.path("edges").size()).isEqualTo(1);
        assertThat(page2.path("edges").get(0).path("node").path("id").asText()).isEqualTo(first);
        assertThat(page2.path("page_info").path("has_next_page").asBoolean()).isFalse();

        JsonNode ready = ok(admin.get("/pledges?state=PLEDGE_READY"));
        assertThat(ready.path("page_info").path("count").asLong()).isEqualTo(2);
        JsonNode both = ok(admin.get("/pledges?state=PLEDGE_READY&state=UNPLEDGE_PENDING_APPROVAL"));
        assertThat(both.path("page_info").path("count").asLong()).isEqualTo(3);
        assertThat(ok(admin.get("/pledges?state=PLEDGE_CONSUMED")).path("page_info").path("count").asLong()).isZero();
        assertThat(ok(admin.get("/pledges?account_id=" + w.accountId)).path("page_info").path("count").asLong())
                .isEqualTo(3);
        assertThat(ok(admin.get("/pledges?account_id=" + w.exchangeAccountId)).path("page_info").path("count").asLong())
                .isZero();
        assertThat(ok(admin.get("/pledges?exchange_id=" + w.exchangeId + "&asset_manager_id=" + w.assetManagerId))
                .path("page_info").path("count").asLong()).isEqualTo(3);
        assertThat(ok(admin.get("/pledges?exchange_id=" + w.assetManagerId)).path("page_info").path("count").asLong())
                .isZero();
        assertThat(admin.get("/pledges?page=0").status()).isEqualTo(400);
        assertThat(admin.get("/pledges?page_size=1001").status()).isEqualTo(400);
        assertThat(ok(admin.get("/pledges?page_size=-1")).path("edges").size()).isEqualTo(3);

        // The consumed state filter sees what reads answer once a settlement confirms.
        ok(w.xavier.client().post("/settlements", settlement(newId(), second)));
        Sandbox.mine(admin, "ethereum", 12);
        JsonNode consumed = ok(admin.get("/pledges?state=PLEDGE_CONSUMED"));
        assertThat(consumed.path("page_info").path("count").asLong()).isEqualTo(1);
        assertThat(consumed.path("edges").get(0).path("node").path("id").asText()).isEqualTo(second);
        assertThat(ok(admin.get("/pledges?state=ASSIGNED_TO_SETTLEMENT")).path("page_info").path("count").asLong())
                .isZero();
        JsonNode settlements = ok(admin.get("/settlements?page_size=1"));
        assertThat(settlements.path("page_info").path("count").asLong()).isEqualTo(1);
    }

    @Test
    void aReportingKeyReadsThePledgesOfItsEntitiesAndChangesNothing() {
        TradeLinkWorld w = new TradeLinkWorld(server, TEN);
        ApiClient admin = w.admin.client();
        String id = w.openPledge(ETH).path("id").asText();
        long entity = ok(admin.post("/sandbox/entities", Map.of("name", Sandbox.uniqueName("fund"), "accounts",
                java.util.List.of(w.accountId)))).path("id").asLong();
        String key = ok(admin.post("/reporting-keys", Map.of("name", "auditor", "entities", java.util.List.of(entity))))
                .path("key").asText();
        ApiClient auditor = server.anonymous().with("X-Ledger-Workspace", w.workspace)
                .with("X-Ledger-Reporting-API-Key", key);
        assertThat(w.pledge(auditor, id).path("id").asText()).isEqualTo(id);
        assertThat(ok(auditor.get("/pledges")).path("page_info").path("count").asLong()).isEqualTo(1);
        assertThat(auditor.post("/settlements", settlement(newId(), id)).status()).isEqualTo(403);
        assertThat(auditor.post("/requests", w.increment(w.pledge(admin, id), ETH)).status()).isEqualTo(403);
        assertThat(w.pledge(admin, id).path("state").asText()).isEqualTo("PLEDGE_READY");
        // A reporting key of another entity sees none of it.
        long otherEntity = ok(admin.post("/sandbox/entities", Map.of("name", Sandbox.uniqueName("other"), "accounts",
                java.util.List.of(w.exchangeAccountId)))).path("id").asLong();
        String otherKey = ok(admin.post("/reporting-keys", Map.of("name", "other", "entities",
                java.util.List.of(otherEntity)))).path("key").asText();
        ApiClient other = server.anonymous().with("X-Ledger-Workspace", w.workspace)
                .with("X-Ledger-Reporting-API-Key", otherKey);
        assertThat(other.get("/pledges/" + id).status()).isEqualTo(404);
        assertThat(ok(other.get("/pledges")).path("page_info").path("count").asLong()).isZero();
    }

    @Test
    void anExpiredIncrementPutsThePledgeBack() {
        TradeLinkWorld w = new TradeLinkWorld(server, TEN);
        ApiClient admin = w.admin.client();
        JsonNode pledge = w.openPledge(ETH);
        JsonNode request = ok(w.alice.client().post("/requests", w.increment(pledge, ETH)));
        ok(Governed.approve(w.alice, request.path("id").asLong()));
        ok(admin.post("/sandbox/clock", Map.of("advance_seconds", 8 * 86_400)));
        // Access tokens expire with the clock; the legacy key headers do not.
        admin = Sandbox.legacyClient(server, w.workspace, w.admin.user());
        Governed.Approver bob = new Governed.Approver(w.bob.user(), w.bob.key(),
                Sandbox.legacyClient(server, w.workspace, w.bob.user()));
        assertThat(ok(admin.get("/requests/" + request.path("id").asLong())).path("status").asText()).isEqualTo("EXPIRED");
        JsonNode back = w.pledge(admin, pledge.path("id").asText());
        assertThat(back.path("state").asText()).isEqualTo("PLEDGE_READY");
        assertThat(number(back, "pending")).isZero();
        assertThat(number(back, "amount")).isEqualTo(ETH);
        assertThat(balances(admin, w.accountId)).containsExactly(TEN.subtract(ETH), ETH, TEN);
        assertThat(Governed.approve(bob, request.path("id").asLong()).status()).isEqualTo(400);
    }

    @Test
    void concurrentSettlementsOfOnePledgeSettleItOnce() throws Exception {
        TradeLinkWorld w = new TradeLinkWorld(server, TEN);
        ApiClient admin = w.admin.client();
        String id = w.openPledge(ETH).path("id").asText();
        // Six different settlements race for the pledge: one wins, the others are refused.
        java.util.List<ApiResponse> raced = io.coffer.testing.Parallel.calls(6,
                i -> w.xavier.client().post("/settlements", settlement(newId(), id)));
        assertThat(raced.stream().filter(r -> r.status() == 200).count()).isEqualTo(1);
        assertThat(raced.stream().filter(r -> r.status() == 400).count()).isEqualTo(5);
        // Six retries of one settlement id on a fresh pledge: all answer the same settlement.
        String second = w.openPledge(ETH).path("id").asText();
        String retried = newId();
        java.util.List<ApiResponse> retries = io.coffer.testing.Parallel.calls(6,
                i -> w.xavier.client().post("/settlements", settlement(retried, second)));
        assertThat(retries).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isEqualTo(200));
        assertThat(retries.stream().map(r -> r.get("outbound_transaction").path("transaction_id").asLong()).distinct()
                .count()).isEqualTo(1);
        Sandbox.mine(admin, "ethereum", 12);
        assertThat(ok(admin.get("/settlements")).path("page_info").path("count").asLong()).isEqualTo(2);
        assertThat(balances(admin, w.exchangeAccountId)).containsExactly(ETH.multiply(BigInteger.TWO), BigInteger.ZERO,
                ETH.multiply(BigInteger.TWO));
    }

    @Test
    void aBitcoinPledgeIsSettledFromItsOutputsWithFundsExact() {
        BigInteger coin = BigInteger.valueOf(100_000_000L);
        TradeLinkWorld w = new TradeLinkWorld(server, coin, "bitcoin");
        ApiClient admin = w.admin.client();
        BigInteger pledged = BigInteger.valueOf(40_000_000L);
        JsonNode pledge = w.openPledge(pledged);
        w.governed(w.increment(pledge, BigInteger.valueOf(10_000_000L)));
        BigInteger half = BigInteger.valueOf(50_000_000L);
        assertThat(balances(admin, w.accountId)).containsExactly(coin.subtract(half), half, coin);
        JsonNode settled = ok(w.xavier.client().post("/settlements", Map.of("id", newId(), "from_pledge_id",
                pledge.path("id").asText(), "meta", Map.of(), "outbound_transaction_intent",
                Map.of("amount", "30000000"))));
        assertThat(settled.path("state").asText()).isEqualTo("OUTBOUND_TRANSACTION_SUBMITTED");
        Sandbox.mine(admin, "bitcoin", 6);
        long transactionId = settled.path("outbound_transaction").path("transaction_id").asLong();
        BigInteger fee = new BigInteger(ok(admin.get("/transactions/" + transactionId)).path("fees").asText());
        assertThat(ok(admin.get("/settlements/" + settled.path("id").asText())).path("state").asText())
                .isEqualTo("OUTBOUND_TRANSACTION_CONFIRMED");
        BigInteger left = coin.subtract(BigInteger.valueOf(30_000_000L)).subtract(fee);
        assertThat(balances(admin, w.accountId)[2]).isEqualTo(left);
        assertThat(balances(admin, w.accountId)[1]).isZero();
        assertThat(balances(admin, w.exchangeAccountId)[2]).isEqualTo(BigInteger.valueOf(30_000_000L));
        assertThat(w.pledge(admin, pledge.path("id").asText()).path("state").asText()).isEqualTo("PLEDGE_CONSUMED");
    }

    static Map<String, Object> recovery(String maxFee) {
        return Map.of("fee_strategy", Map.of("type", "SPEED", "data", Map.of("speed", "FAST")), "max_fee", maxFee);
    }
}
