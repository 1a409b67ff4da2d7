package io.coffer.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Governed;
import io.coffer.testing.Governed.Approver;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.utils.Numeric;

/**
 * The story of a governed send through HTTP: a two-step account is funded, an operator requests a
 * send, two users approve with their own ES256 keys, blocks confirm it, and every balance and
 * status is checked on the way.
 */
abstract class GovernedSendStoryCases extends ServerCases {

    static final BigInteger ETH = BigInteger.TEN.pow(18);
    static final String RECIPIENT = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    @Test
    void aTwoStepSendIsApprovedSignedBroadcastAndConfirmed() throws Exception {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        Approver alice = Governed.operator(server, ws[0], admin.client());
        Approver bob = Governed.operator(server, ws[0], admin.client());
        Approver carol = Governed.operator(server, ws[0], admin.client());
        JsonNode account = Governed.account(admin.client(), "ethereum",
                List.of(Governed.step(1, alice), Governed.step(1, bob, carol)));
        long accountId = account.path("id").asLong();

        // Funds arrive and confirm.
        Sandbox.deposit(admin.client(), accountId, ETH.multiply(BigInteger.valueOf(5)).toString());
        Sandbox.mine(admin.client(), "ethereum", 12);
        assertBalances(alice.client(), accountId, ETH.multiply(BigInteger.valueOf(5)), BigInteger.ZERO);

        // Alice asks to send 1 ETH; the amount and the maximum fees are reserved at once.
        ApiResponse created = alice.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND",
                ETH.toString(), RECIPIENT, "10000000000000000", Governed.speed("NORMAL")));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(created.text("status")).isEqualTo("PENDING_FIRST_APPROVAL");
        assertThat(created.text("target_type")).isEqualTo("TRANSACTION");
        long requestId = created.id();
        long transactionId = created.get("target_id").asLong();
        JsonNode pending = alice.client().get("/transactions/" + transactionId).json();
        assertThat(pending.path("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(pending.path("type").asText()).isEqualTo("SEND");
        assertThat(pending.path("last_request").asLong()).isEqualTo(requestId);
        BigInteger maxFee = BigInteger.valueOf(21_000).multiply(BigInteger.valueOf(41_500_000_000L));
        BigInteger reserved = ETH.add(maxFee);
        assertBalances(alice.client(), accountId, ETH.multiply(BigInteger.valueOf(5)).subtract(reserved), reserved);

        // Bob cannot approve before the creator; then Alice approves with her key.
        assertThat(Governed.approve(bob, requestId).status()).isEqualTo(400);
        ApiResponse first = Governed.approve(alice, requestId);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("PENDING_APPROVAL");
        JsonNode progress = bob.client().get("/requests/" + requestId + "/governance-status").json();
        assertThat(progress.path("is_complete").asBoolean()).isFalse();
        assertThat(progress.path("request").path("current_step_index").asInt()).isEqualTo(1);
        assertThat(progress.path("governance_steps").get(0).path("approvals")).hasSize(1);
        assertThat(ids(bob.client().get("/requests?pending_by=" + bob.id()))).containsExactly(requestId);
        assertThat(ids(bob.client().get("/requests?pending_by=" + alice.id()))).isEmpty();

        // A wrong key, a replayed challenge and a second vote change nothing.
        ApiResponse challenge = bob.client().get("/requests/" + requestId + "/challenge");
        String wrongKey = alice.key().sign(challenge.text("challenge"));
        assertThat(bob.client().post("/requests/" + requestId + "/approve", Map.of("jws", wrongKey)).status()).isEqualTo(400);
        assertThat(Governed.approve(alice, requestId).status()).as("second vote").isEqualTo(400);
        assertThat(bob.client().post("/requests/" + requestId + "/approve", Map.of("jws", "not.a.jws")).status())
                .isEqualTo(400);
        assertThat(bob.client().get("/requests/" + requestId).text("status")).isEqualTo("PENDING_APPROVAL");

        // Bob approves: the last step is done, the transaction is signed and broadcast.
        String signed = bob.key().sign(challenge.text("challenge"));
        ApiResponse approved = bob.client().post("/requests/" + requestId + "/approve", Map.of("jws", signed));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("SUBMITTED");
        assertThat(bob.client().post("/requests/" + requestId + "/approve", Map.of("jws", signed)).status())
                .as("replayed challenge").isEqualTo(400);
        assertThat(Governed.approve(carol, requestId).status()).as("a closed request").isEqualTo(400);
        JsonNode submitted = alice.client().get("/transactions/" + transactionId).json();
        assertThat(submitted.path("status").asText()).isEqualTo("SUBMITTED");
        BigInteger fee = BigInteger.valueOf(21_000).multiply(BigInteger.valueOf(21_500_000_000L));
        assertThat(submitted.path("fees").asText()).isEqualTo(fee.toString());

        // The signed transaction decodes with web3j and is what was asked.
        String raw = admin.client().get("/sandbox/transactions/" + transactionId + "/raw").text("raw");
        SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(raw);
        assertThat(decoded.getFrom()).isEqualToIgnoringCase(account.path("address").asText());
        assertThat(decoded.getTo()).isEqualToIgnoringCase(RECIPIENT);
        assertThat(decoded.getValue()).isEqualTo(ETH);
        assertThat(decoded.getNonce()).isEqualTo(BigInteger.ZERO);
        assertThat(((Transaction1559) decoded.getTransaction()).getChainId()).isEqualTo(1L);
        assertThat(Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(raw))))
                .isEqualTo(submitted.path("tx_hash").asText());

        // Blocks confirm it: the reservation is lifted, amount and real fee leave the balance.
        Sandbox.mine(admin.client(), "ethereum", 11);
        assertThat(alice.client().get("/transactions/" + transactionId).text("status")).isEqualTo("SUBMITTED");
        Sandbox.mine(admin.client(), "ethereum", 1);
        JsonNode confirmed = alice.client().get("/transactions/" + transactionId).json();
        assertThat(confirmed.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.path("confirmations").asInt()).isEqualTo(12);
        BigInteger left = ETH.multiply(BigInteger.valueOf(5)).subtract(ETH).subtract(fee);
        assertBalances(alice.client(), accountId, left, BigInteger.ZERO);

        // The history shows every step of the request, in order.
        JsonNode history = alice.client().get("/transactions/" + transactionId + "/history").get("history");
        List<String> statuses = new ArrayList<>();
        history.get(0).forEach(entry -> statuses.add(entry.path("status").asText()));
        assertThat(statuses).containsExactly("PENDING_FIRST_APPROVAL", "PENDING_APPROVAL", "APPROVED", "SIGNED", "SUBMITTED");
        assertThat(ids(admin.client().get("/requests?approved_by=" + bob.id()))).containsExactly(requestId);
        assertThat(ids(admin.client().get("/requests?status=SUBMITTED&type=CREATE_TRANSACTION"))).containsExactly(requestId);
        assertThat(admin.client().get("/transactions?status=CONFIRMED&type=SEND").get("page_info").path("count").asInt())
                .isEqualTo(1);
    }

    @Test
    void rejectionEndsTheRequestAndReleasesTheFunds() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        Approver alice = Governed.operator(server, ws[0], admin.client());
        Approver bob = Governed.operator(server, ws[0], admin.client());
        JsonNode account = Governed.account(admin.client(), "ethereum", List.of(Governed.step(1, alice), Governed.step(1, bob)));
        long accountId = account.path("id").asLong();
        Sandbox.deposit(admin.client(), accountId, ETH.toString());
        Sandbox.mine(admin.client(), "ethereum", 12);
        long requestId = alice.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "1000", RECIPIENT,
                "10000000000000000", Governed.speed("FAST"))).id();
        assertThat(Governed.approve(alice, requestId).status()).isEqualTo(200);
        ApiResponse rejected = Governed.reject(bob, requestId);
        assertThat(rejected.status()).as(rejected.raw()).isEqualTo(200);
        assertThat(rejected.text("status")).isEqualTo("ABORTED");
        assertThat(bob.client().get("/requests/" + requestId).text("status")).isEqualTo("REJECTED");
        assertThat(Governed.approve(bob, requestId).status()).as("rejection is final").isEqualTo(400);
        long transactionId = rejected.get("target_id").asLong();
        assertThat(alice.client().get("/transactions/" + transactionId).text("status")).isEqualTo("REJECTED");
        assertBalances(alice.client(), accountId, ETH, BigInteger.ZERO);
        assertThat(ids(admin.client().get("/requests?rejected_by=" + bob.id()))).containsExactly(requestId);
    }

    @Test
    void requestsExpireAfterSevenDaysOnTheWorkspaceClock() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        Approver alice = Governed.operator(server, ws[0], admin.client());
        JsonNode account = Governed.account(admin.client(), "ethereum", List.of(Governed.step(1, alice)));
        long accountId = account.path("id").asLong();
        Sandbox.deposit(admin.client(), accountId, ETH.toString());
        Sandbox.mine(admin.client(), "ethereum", 12);
        ApiResponse created = alice.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "1000",
                RECIPIENT, "10000000000000000", Governed.speed("SLOW")));
        long requestId = created.id();
        admin.client().post("/sandbox/clock", Map.of("advance_seconds", 7 * 86400 - 10));
        ApiClient aliceNow = Sandbox.bearerClient(server, ws[0], alice.user());
        assertThat(aliceNow.get("/requests/" + requestId).text("status")).isEqualTo("PENDING_FIRST_APPROVAL");
        Sandbox.bearerClient(server, ws[0], admin.user()).post("/sandbox/clock", Map.of("advance_seconds", 11));
        ApiClient later = Sandbox.bearerClient(server, ws[0], alice.user());
        assertThat(later.get("/requests/" + requestId).text("status")).isEqualTo("EXPIRED");
        assertThat(Governed.approve(new Approver(alice.user(), alice.key(), later), requestId).status()).isEqualTo(400);
        assertThat(later.get("/transactions/" + created.get("target_id").asLong()).text("status")).isEqualTo("REJECTED");
        assertBalances(later, accountId, ETH, BigInteger.ZERO);
    }

    @Test
    void aRefusedBroadcastFailsTheTransactionAndReleasesItsFunds() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        JsonNode account = Governed.account(admin.client(), "polygon", List.of(Governed.step(1, admin)));
        long accountId = account.path("id").asLong();
        Sandbox.deposit(admin.client(), accountId, ETH.toString());
        Sandbox.mine(admin.client(), "polygon", 128);
        ApiResponse settings = admin.client().post("/sandbox/networks/polygon/settings", Map.of("failure_rate", 1));
        assertThat(settings.status()).as(settings.raw()).isEqualTo(200);
        long requestId = admin.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "1000", RECIPIENT,
                "10000000000000000", Governed.speed("NORMAL"))).id();
        ApiResponse approved = Governed.approve(admin, requestId);
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        JsonNode transaction = admin.client().get("/transactions/" + approved.get("target_id").asLong()).json();
        assertThat(transaction.path("status").asText()).isEqualTo("FAILED_TO_BROADCAST");
        assertThat(transaction.path("failure_reasons").path("reason").asText()).contains("refused");
        assertBalances(admin.client(), accountId, ETH, BigInteger.ZERO);
    }

    @Test
    void requestsRefuseWhatCannotBePaidOrIsMalformed() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        Approver outsider = Governed.operator(server, ws[0], admin.client());
        JsonNode account = Governed.account(admin.client(), "ethereum", List.of(Governed.step(1, admin)));
        long accountId = account.path("id").asLong();
        Sandbox.deposit(admin.client(), accountId, "1000000000000000000");
        Sandbox.mine(admin.client(), "ethereum", 12);
        ApiClient c = admin.client();
        Map<String, Object> speed = Governed.speed("NORMAL");
        assertThat(c.post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "2000000000000000000", RECIPIENT,
                "10000000000000000", speed)).status()).as("more than held").isEqualTo(400);
        assertThat(c.post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "0", RECIPIENT,
                "10000000000000000", speed)).status()).isEqualTo(400);
        assertThat(c.post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "1000",
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "10000000000000000", speed)).status())
                .as("recipient with a broken checksum").isEqualTo(400);
        assertThat(c.post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "1000", RECIPIENT, "1", speed))
                .status()).as("max_fees below the fee").isEqualTo(400);
        assertThat(c.post("/requests", Governed.send(account, "BITCOIN_LIKE_SEND", "1000", RECIPIENT,
                "10000000000000000", speed)).status()).as("wrong family").isEqualTo(400);
        assertThat(c.post("/requests", Governed.send(account, "TEZOS_LIKE_SEND", "1000", RECIPIENT,
                "10000000000000000", speed)).status()).isEqualTo(400);
        assertThat(c.post("/requests", Map.of("type", "CREATE_TRANSACTION")).status()).isEqualTo(400);
        assertThat(c.post("/requests", Map.of("type", "TELEPORT", "data", Map.of())).status()).isEqualTo(400);
        assertThat(outsider.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "1000", RECIPIENT,
                "10000000000000000", speed)).status()).as("an account the caller cannot see").isEqualTo(400);
        assertThat(c.get("/requests/999999").status()).isEqualTo(404);
        assertThat(c.get("/requests?status=NAPPING").status()).isEqualTo(400);
        assertThat(c.get("/requests?colour=blue").status()).isEqualTo(400);
        assertBalances(c, accountId, new BigInteger("1000000000000000000"), BigInteger.ZERO);
        assertThat(c.get("/requests").get("page_info").path("count").asInt()).as("nothing was written").isZero();
    }

    @Test
    void feesAreEstimatedWithoutReservingAnything() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        JsonNode account = Governed.account(admin.client(), "ethereum", List.of(Governed.step(1, admin)));
        Sandbox.deposit(admin.client(), account.path("id").asLong(), "1000000000000000000");
        Sandbox.mine(admin.client(), "ethereum", 12);
        ApiResponse estimate = admin.client().post("/transactions/estimate-fees", Governed.send(account,
                "ETHEREUM_LIKE_SEND", "1000", RECIPIENT, "0", Governed.speed("FAST")));
        assertThat(estimate.status()).as(estimate.raw()).isEqualTo(200);
        assertThat(estimate.text("max_fees")).isEqualTo(BigInteger.valueOf(21_000).multiply(BigInteger.valueOf(42_000_000_000L))
                .toString());
        assertThat(estimate.get("coin_fields").path("gas_limit").asInt()).isEqualTo(21_000);
        assertThat(estimate.get("coin_fields").path("priority_fees").asLong()).isEqualTo(2_000_000_000L);
        assertBalances(admin.client(), account.path("id").asLong(), new BigInteger("1000000000000000000"), BigInteger.ZERO);
    }

    @Test
    void networksWithABlockIntervalProduceBlocksOnTheWorkspaceClock() throws Exception {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        JsonNode account = Governed.account(admin.client(), "ethereum_sepolia", List.of(Governed.step(1, admin)));
        long accountId = account.path("id").asLong();
        ApiClient c = admin.client();
        assertThat(c.post("/sandbox/networks/ethereum_sepolia/settings", Map.of("block_interval_seconds", 0)).status())
                .isEqualTo(400);
        assertThat(c.post("/sandbox/networks/ethereum_sepolia/settings", Map.of("failure_rate", "1.5")).status())
                .isEqualTo(400);
        assertThat(c.post("/sandbox/networks/atlantis/settings", Map.of("failure_rate", 0)).status()).isEqualTo(404);
        ApiResponse settings = c.post("/sandbox/networks/ethereum_sepolia/settings", Map.of("block_interval_seconds", 60));
        assertThat(settings.status()).as(settings.raw()).isEqualTo(200);
        assertThat(settings.get("block_interval_seconds").asInt()).isEqualTo(60);
        long deposit = Sandbox.deposit(c, accountId, "1000").path("id").asLong();
        assertThat(c.get("/transactions/" + deposit).text("status")).isEqualTo("SUBMITTED");

        // Twelve minutes pass on the workspace clock: the timer owes (and produces) at least twelve blocks.
        c.post("/sandbox/clock", Map.of("advance_seconds", 12 * 60 + 30));
        ApiClient later = Sandbox.bearerClient(server, ws[0], admin.user());
        String status = "";
        for (int attempt = 0; attempt < 100 && !status.equals("CONFIRMED"); attempt++) {
            Thread.sleep(100);
            status = later.get("/transactions/" + deposit).text("status");
        }
        assertThat(status).as("the block timer confirmed the deposit").isEqualTo("CONFIRMED");
        assertBalances(later, accountId, BigInteger.valueOf(1000), BigInteger.ZERO);
    }

    @Test
    void requestsAndTheirTransactionsAreHiddenFromWhoeverCannotSeeTheAccount() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        Approver alice = Governed.operator(server, ws[0], admin.client());
        Approver outsider = Governed.operator(server, ws[0], admin.client());
        JsonNode account = Governed.account(admin.client(), "ethereum", List.of(Governed.step(1, alice)));
        Sandbox.deposit(admin.client(), account.path("id").asLong(), ETH.toString());
        Sandbox.mine(admin.client(), "ethereum", 12);
        ApiResponse created = alice.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "1000",
                RECIPIENT, "10000000000000000", Governed.speed("NORMAL")));
        long requestId = created.id();
        long transactionId = created.get("target_id").asLong();
        String[] otherWs = new String[1];
        Approver stranger = Governed.admin(server, otherWs);

        for (ApiClient blind : List.of(outsider.client(), stranger.client())) {
            for (String path : List.of("/requests/" + requestId, "/requests/" + requestId + "/governance-status",
                    "/requests/" + requestId + "/challenge", "/requests/" + requestId + "/challenge/reject",
                    "/transactions/" + transactionId, "/transactions/" + transactionId + "/history")) {
                ApiResponse hidden = blind.get(path);
                assertThat(hidden.status()).as(path).isEqualTo(404);
            }
            assertThat(blind.post("/requests/" + requestId + "/approve", Map.of("jws", "a.b.c")).status()).isEqualTo(404);
            assertThat(blind.send("POST", "/requests/" + requestId + "/reject", null).status()).isEqualTo(404);
            assertThat(blind.post("/transactions/" + transactionId + "/reject", Map.of()).status()).isEqualTo(404);
            assertThat(ids(blind.get("/requests"))).doesNotContain(requestId);
            assertThat(blind.get("/transactions?type=SEND").get("page_info").path("count").asInt()).isZero();
        }
        assertThat(ids(admin.client().get("/requests"))).containsExactly(requestId);
        assertThat(alice.client().get("/requests/" + requestId).status()).isEqualTo(200);
        assertThat(alice.client().get("/requests/" + requestId).text("status")).isEqualTo("PENDING_FIRST_APPROVAL");
    }

    static List<Long> ids(ApiResponse search) {
        assertThat(search.status()).as(search.raw()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        search.get("edges").forEach(edge -> ids.add(edge.path("node").path("id").asLong()));
        return ids;
    }

    static void assertBalances(ApiClient c, long accountId, BigInteger available, BigInteger pending) {
        JsonNode balances = c.get("/accounts/" + accountId + "/balances").json();
        assertThat(balances.path("available").asText()).as("available").isEqualTo(available.toString());
        assertThat(balances.path("pending").asText()).as("pending").isEqualTo(pending.toString());
        JsonNode account = c.get("/accounts/" + accountId).json();
        assertThat(account.path("available_balance").asText()).isEqualTo(available.toString());
        assertThat(account.path("pending_balance").asText()).isEqualTo(pending.toString());
        assertThat(account.path("balance").asText()).isEqualTo(available.add(pending).toString());
    }
}
