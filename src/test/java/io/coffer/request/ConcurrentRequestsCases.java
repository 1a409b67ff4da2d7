package io.coffer.request;

import static io.coffer.request.GovernedSendStoryCases.assertBalances;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;

/**
 * Exactly once under concurrency, through HTTP: parallel requests never reserve more than is
 * available, and parallel approvals count each user once and move the money once.
 */
abstract class ConcurrentRequestsCases extends ServerCases {

    static final String RECIPIENT = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    static final BigInteger AMOUNT = BigInteger.valueOf(1_000_000);
    static final BigInteger MAX_FEE = BigInteger.valueOf(21_000).multiply(BigInteger.valueOf(41_500_000_000L));
    static final BigInteger FEE = BigInteger.valueOf(21_000).multiply(BigInteger.valueOf(21_500_000_000L));

    @Test
    void sixtyFourParallelSendsAgainstFundsForTenAcceptExactlyTen() throws Exception {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        JsonNode account = Governed.account(admin.client(), "ethereum", List.of(Governed.step(1, admin)));
        long accountId = account.path("id").asLong();
        BigInteger each = AMOUNT.add(MAX_FEE);
        BigInteger funded = each.multiply(BigInteger.TEN);
        Sandbox.deposit(admin.client(), accountId, funded.toString());
        Sandbox.mine(admin.client(), "ethereum", 12);

        Map<String, Object> body = Governed.send(account, "ETHEREUM_LIKE_SEND", AMOUNT.toString(), RECIPIENT,
                MAX_FEE.toString(), Governed.speed("NORMAL"));
        List<ApiResponse> answers = io.coffer.testing.Parallel.calls(64, i -> admin.client().post("/requests", body));
        long accepted = answers.stream().filter(answer -> answer.status() == 200).count();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.raw()).isIn(200, 400));
        assertThat(accepted).isEqualTo(10);
        answers.stream().filter(answer -> answer.status() == 400)
                .forEach(answer -> assertThat(answer.text("message")).contains("insufficient funds"));
        assertBalances(admin.client(), accountId, BigInteger.ZERO, funded);
        assertThat(admin.client().get("/requests?status=PENDING_FIRST_APPROVAL").get("page_info").path("count").asInt())
                .isEqualTo(10);
        assertThat(admin.client().get("/transactions?type=SEND").get("page_info").path("count").asInt())
                .as("refused requests leave no transaction behind").isEqualTo(10);
    }

    @Test
    void parallelApprovalsCountEachUserOnceAndMoveTheMoneyOnce() throws Exception {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        List<Approver> approvers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            approvers.add(Governed.operator(server, ws[0], admin.client()));
        }
        JsonNode account = Governed.account(admin.client(), "ethereum", List.of(Governed.step(1, admin),
                Governed.step(3, approvers.toArray(Approver[]::new))));
        long accountId = account.path("id").asLong();
        BigInteger funded = BigInteger.TEN.pow(18);
        Sandbox.deposit(admin.client(), accountId, funded.toString());
        Sandbox.mine(admin.client(), "ethereum", 12);
        long requestId = admin.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND",
                AMOUNT.toString(), RECIPIENT, MAX_FEE.toString(), Governed.speed("NORMAL"))).id();
        assertThat(Governed.approve(admin, requestId).status()).isEqualTo(200);

        // Every approver signs its challenge, then each signed approval is sent twice at once.
        List<String> jws = new ArrayList<>();
        for (Approver approver : approvers) {
            String challenge = approver.client().get("/requests/" + requestId + "/challenge").text("challenge");
            jws.add(approver.key().sign(challenge));
        }
        List<ApiResponse> answers = io.coffer.testing.Parallel.calls(12, i -> approvers.get(i % 6).client().post(
                "/requests/" + requestId + "/approve", Map.of("jws", jws.get(i % 6))));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.raw()).isIn(200, 400));
        assertThat(answers.stream().filter(answer -> answer.status() == 200).count()).isEqualTo(3);
        for (int user = 0; user < 6; user++) {
            assertThat(answers.get(user).status() == 200 && answers.get(user + 6).status() == 200)
                    .as("user %d counted twice", user).isFalse();
        }

        JsonNode governance = admin.client().get("/requests/" + requestId + "/governance-status").json();
        assertThat(governance.path("governance_steps").get(1).path("approvals")).hasSize(3);
        JsonNode request = admin.client().get("/requests/" + requestId).json();
        assertThat(request.path("status").asText()).isEqualTo("SUBMITTED");
        long transactionId = request.path("target_id").asLong();
        String raw = admin.client().get("/sandbox/transactions/" + transactionId + "/raw").text("raw");
        assertThat(((SignedRawTransaction) TransactionDecoder.decode(raw)).getNonce()).isEqualTo(BigInteger.ZERO);

        Sandbox.mine(admin.client(), "ethereum", 12);
        Sandbox.mine(admin.client(), "ethereum", 12);
        assertThat(admin.client().get("/transactions/" + transactionId).text("status")).isEqualTo("CONFIRMED");
        assertBalances(admin.client(), accountId, funded.subtract(AMOUNT).subtract(FEE), BigInteger.ZERO);

        // The next send takes the next nonce: the first was used exactly once.
        long next = admin.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", AMOUNT.toString(),
                RECIPIENT, MAX_FEE.toString(), Governed.speed("NORMAL"))).id();
        Governed.approve(admin, next);
        for (int i = 0; i < 3; i++) {
            assertThat(Governed.approve(approvers.get(i), next).status()).isEqualTo(200);
        }
        long nextTransaction = admin.client().get("/requests/" + next).get("target_id").asLong();
        String nextRaw = admin.client().get("/sandbox/transactions/" + nextTransaction + "/raw").text("raw");
        assertThat(((SignedRawTransaction) TransactionDecoder.decode(nextRaw)).getNonce()).isEqualTo(BigInteger.ONE);
    }
}
