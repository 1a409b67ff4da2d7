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
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.Coin;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptBuilder;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.utils.Numeric;

/**
 * Sends of each supported family through HTTP, checked with standard tools: a segwit Bitcoin send
 * whose witness bitcoinj verifies against the funding output, an ERC-20 send whose fees come from
 * the parent account, CUSTOM fee strategies, and rule sets chosen by THRESHOLD.
 */
abstract class SendFamiliesCases extends ServerCases {

    static final String BTC_RECIPIENT = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
    static final String ETH_RECIPIENT = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    static final String USDT = "0xdAC17F958D2ee523a2206206994597C13D831ec7";

    @Test
    void aBitcoinSendIsARealSegwitTransactionThatSpendsTheDeposit() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        JsonNode account = Governed.account(admin.client(), "bitcoin", List.of(Governed.step(1, admin)));
        long accountId = account.path("id").asLong();
        BigInteger funded = BigInteger.valueOf(1_000_000);
        JsonNode deposit = Sandbox.deposit(admin.client(), accountId, funded.toString());
        String fundingAddress = deposit.path("recipient").asText();
        String fundingHash = deposit.path("tx_hash").asText();

        assertThat(admin.client().post("/sandbox/accounts/" + accountId + "/deposits", Map.of("amount",
                BigInteger.TWO.pow(63).toString())).status()).as("more than one output can carry").isEqualTo(400);
        // An unconfirmed deposit cannot be spent yet.
        Map<String, Object> body = Governed.send(account, "BITCOIN_LIKE_SEND", "250000", BTC_RECIPIENT, "100000",
                Governed.speed("NORMAL"));
        assertThat(admin.client().post("/requests", body).status()).isEqualTo(400);
        Sandbox.mine(admin.client(), "bitcoin", 6);

        ApiResponse estimate = admin.client().post("/transactions/estimate-fees", body);
        assertThat(estimate.status()).as(estimate.raw()).isEqualTo(200);
        BigInteger fee = new BigInteger(estimate.text("max_fees"));
        assertThat(fee).isEqualTo(BigInteger.valueOf(5 * (11 + 68 + 31 + 31)));
        ApiResponse created = admin.client().post("/requests", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertBalances(admin.client(), accountId, funded.subtract(BigInteger.valueOf(250_000)).subtract(fee),
                BigInteger.valueOf(250_000).add(fee));
        ApiResponse approved = Governed.approve(admin, created.id());
        assertThat(approved.text("status")).as(approved.raw()).isEqualTo("SUBMITTED");
        long transactionId = approved.get("target_id").asLong();
        JsonNode submitted = admin.client().get("/transactions/" + transactionId).json();

        // bitcoinj decodes it, its txid is the tx_hash, and the witness really spends the deposit.
        String raw = admin.client().get("/sandbox/transactions/" + transactionId + "/raw").text("raw");
        Transaction decoded = Transaction.read(ByteBuffer.wrap(HexFormat.of().parseHex(raw)));
        assertThat(decoded.getTxId().toString()).isEqualTo(submitted.path("tx_hash").asText());
        assertThat(decoded.hasWitnesses()).isTrue();
        assertThat(decoded.getInputs()).hasSize(1);
        assertThat(decoded.getInput(0).getOutpoint().hash().toString()).isEqualTo(fundingHash);
        Script funding = ScriptBuilder.createOutputScript(AddressParser.getDefault().parseAddress(fundingAddress));
        decoded.getInput(0).getScriptSig().correctlySpends(decoded, 0, decoded.getInput(0).getWitness(),
                Coin.valueOf(funded.longValueExact()), funding, Script.ALL_VERIFY_FLAGS);
        TransactionOutput paid = decoded.getOutput(0);
        assertThat(paid.getValue().value).isEqualTo(250_000L);
        assertThat(paid.getScriptPubKey()).isEqualTo(ScriptBuilder.createOutputScript(
                AddressParser.getDefault().parseAddress(BTC_RECIPIENT)));
        long change = decoded.getOutput(1).getValue().value;
        assertThat(BigInteger.valueOf(250_000 + change).add(fee)).as("inputs = outputs + fee").isEqualTo(funded);

        // A bad signature would not verify: the same check against another amount fails.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> decoded.getInput(0).getScriptSig().correctlySpends(
                decoded, 0, decoded.getInput(0).getWitness(), Coin.valueOf(funded.longValueExact() + 1), funding,
                Script.ALL_VERIFY_FLAGS)).isInstanceOf(org.bitcoinj.script.ScriptException.class);

        // Confirmed: amount and fee leave the books; the change is spendable by the next send.
        Sandbox.mine(admin.client(), "bitcoin", 6);
        assertThat(admin.client().get("/transactions/" + transactionId).text("status")).isEqualTo("CONFIRMED");
        BigInteger left = funded.subtract(BigInteger.valueOf(250_000)).subtract(fee);
        assertBalances(admin.client(), accountId, left, BigInteger.ZERO);
        assertThat(BigInteger.valueOf(change)).isEqualTo(left);
        ApiResponse next = admin.client().post("/requests", Governed.send(account, "BITCOIN_LIKE_SEND", "100000",
                BTC_RECIPIENT, "100000", Map.of("type", "CUSTOM", "data", Map.of("fees_per_byte", "3"))));
        assertThat(next.status()).as(next.raw()).isEqualTo(200);
        ApiResponse second = Governed.approve(admin, next.id());
        assertThat(second.text("status")).as(second.raw()).isEqualTo("SUBMITTED");
        String raw2 = admin.client().get("/sandbox/transactions/" + second.get("target_id").asLong() + "/raw").text("raw");
        Transaction spendsChange = Transaction.read(ByteBuffer.wrap(HexFormat.of().parseHex(raw2)));
        assertThat(spendsChange.getInput(0).getOutpoint().hash()).isEqualTo(decoded.getTxId());
        spendsChange.getInput(0).getScriptSig().correctlySpends(spendsChange, 0, spendsChange.getInput(0).getWitness(),
                Coin.valueOf(change), decoded.getOutput(1).getScriptPubKey(), Script.ALL_VERIFY_FLAGS);
        assertThat(admin.client().get("/transactions/" + second.get("target_id").asLong()).text("fees"))
                .isEqualTo(String.valueOf(3 * (11 + 68 + 31 + 31)));
    }

    @Test
    void anErc20SendMovesTokensAndPaysGasFromTheParentAccount() throws Exception {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        JsonNode parent = Governed.account(admin.client(), "ethereum", List.of(Governed.step(1, admin)));
        Map<String, Object> tokenBody = new LinkedHashMap<>();
        tokenBody.put("name", Sandbox.uniqueName("usdt"));
        tokenBody.put("currency", "ethereum");
        tokenBody.put("parent", parent.path("id").asLong());
        tokenBody.put("contract_address", USDT);
        JsonNode token = Sandbox.account(admin.client(), tokenBody);
        long parentId = parent.path("id").asLong();
        long tokenId = token.path("id").asLong();
        Sandbox.deposit(admin.client(), tokenId, "500000000");
        Sandbox.mine(admin.client(), "ethereum", 12);

        // Without ether on the parent, the gas cannot be paid.
        Map<String, Object> body = Governed.send(token, "ETHEREUM_LIKE_SEND", "120000000", ETH_RECIPIENT,
                "10000000000000000", Governed.speed("NORMAL"));
        ApiResponse refused = admin.client().post("/requests", body);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.text("message")).contains("insufficient funds");
        assertBalances(admin.client(), tokenId, BigInteger.valueOf(500_000_000), BigInteger.ZERO);

        BigInteger ether = BigInteger.TEN.pow(18);
        Sandbox.deposit(admin.client(), parentId, ether.toString());
        Sandbox.mine(admin.client(), "ethereum", 12);
        ApiResponse created = admin.client().post("/requests", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        BigInteger maxFee = BigInteger.valueOf(65_000).multiply(BigInteger.valueOf(41_500_000_000L));
        assertBalances(admin.client(), tokenId, BigInteger.valueOf(380_000_000), BigInteger.valueOf(120_000_000));
        assertBalances(admin.client(), parentId, ether.subtract(maxFee), maxFee);

        ApiResponse approved = Governed.approve(admin, created.id());
        assertThat(approved.text("status")).as(approved.raw()).isEqualTo("SUBMITTED");
        long transactionId = approved.get("target_id").asLong();
        String raw = admin.client().get("/sandbox/transactions/" + transactionId + "/raw").text("raw");
        SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(raw);
        assertThat(decoded.getTo()).isEqualToIgnoringCase(USDT);
        assertThat(decoded.getValue()).isZero();
        assertThat(decoded.getFrom()).isEqualToIgnoringCase(parent.path("address").asText());
        String data = Numeric.cleanHexPrefix(decoded.getData());
        assertThat(data).startsWith("a9059cbb");
        assertThat(new BigInteger(data.substring(8 + 64), 16)).isEqualTo(BigInteger.valueOf(120_000_000));
        assertThat(data.substring(8 + 24, 8 + 64)).isEqualToIgnoringCase(Numeric.cleanHexPrefix(ETH_RECIPIENT));
        assertThat(((Transaction1559) decoded.getTransaction()).getGasLimit()).isEqualTo(BigInteger.valueOf(65_000));

        Sandbox.mine(admin.client(), "ethereum", 12);
        assertThat(admin.client().get("/transactions/" + transactionId).text("status")).isEqualTo("CONFIRMED");
        BigInteger fee = BigInteger.valueOf(52_000).multiply(BigInteger.valueOf(21_500_000_000L));
        assertBalances(admin.client(), tokenId, BigInteger.valueOf(380_000_000), BigInteger.ZERO);
        assertBalances(admin.client(), parentId, ether.subtract(fee), BigInteger.ZERO);
    }

    @Test
    void customEvmFeesAreSignedAsAsked() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        JsonNode account = Governed.account(admin.client(), "arbitrum", List.of(Governed.step(1, admin)));
        Sandbox.deposit(admin.client(), account.path("id").asLong(), "1000000000000000000");
        Sandbox.mine(admin.client(), "arbitrum", 200);
        Map<String, Object> custom = Map.of("type", "CUSTOM", "data", Map.of("gas_limit", "30000", "priority_fees",
                "3000000000"));
        ApiResponse created = admin.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "1000",
                ETH_RECIPIENT, "10000000000000000", custom));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        ApiResponse approved = Governed.approve(admin, created.id());
        String raw = admin.client().get("/sandbox/transactions/" + approved.get("target_id").asLong() + "/raw").text("raw");
        Transaction1559 signed = (Transaction1559) ((SignedRawTransaction) TransactionDecoder.decode(raw)).getTransaction();
        assertThat(signed.getGasLimit()).isEqualTo(BigInteger.valueOf(30_000));
        assertThat(signed.getMaxPriorityFeePerGas()).isEqualTo(BigInteger.valueOf(3_000_000_000L));
        assertThat(signed.getChainId()).isEqualTo(42161L);
        assertThat(admin.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "1000", ETH_RECIPIENT,
                "10000000000000000", Map.of("type", "CUSTOM", "data", Map.of("gas_limit", "20000", "priority_fees", "1"))))
                .status()).as("gas limit below what a transfer uses").isEqualTo(400);
        assertThat(admin.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "1000", ETH_RECIPIENT,
                "10000000000000000", Map.of("type", "CUSTOM", "data", Map.of("fees_per_byte", "3")))).status())
                .as("Bitcoin fees on an EVM send").isEqualTo(400);
        assertThat(admin.client().post("/transactions/estimate-fees", Governed.send(account, "ETHEREUM_LIKE_SEND", "1000",
                ETH_RECIPIENT, "0", Map.of("type", "CUSTOM", "data", Map.of("gas_limit", "40000000", "priority_fees", "1"))))
                .status()).as("above the block gas limit").isEqualTo(400);
        ApiResponse huge = admin.client().post("/transactions/estimate-fees", Governed.send(account, "ETHEREUM_LIKE_SEND",
                "1000", ETH_RECIPIENT, "0", Map.of("type", "CUSTOM", "data", Map.of("gas_limit", "30000",
                        "priority_fees", "1000000000000000000000000000000"))));
        assertThat(huge.status()).as("a custom fee above ten times the FAST estimate").isEqualTo(400);
        assertThat(huge.text("message")).contains("10 times the FAST estimate");
        ApiResponse allowed = admin.client().post("/transactions/estimate-fees", Governed.send(account,
                "ETHEREUM_LIKE_SEND", "1000", ETH_RECIPIENT, "0", Map.of("type", "CUSTOM", "data", Map.of("gas_limit",
                        "21000", "priority_fees", "123456789012"))));
        assertThat(allowed.status()).as(allowed.raw()).isEqualTo(200);
        assertThat(allowed.get("coin_fields").path("priority_fees").bigIntegerValue())
                .as("exact, never squeezed").isEqualTo(new BigInteger("123456789012"));
    }

    @Test
    void thresholdRulesChooseTheRuleSetByAmount() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        Approver alice = Governed.operator(server, ws[0], admin.client());
        Approver bob = Governed.operator(server, ws[0], admin.client());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Sandbox.uniqueName("eth"));
        body.put("currency", "ethereum");
        body.put("governance_rules", List.of(
                Map.of("name", "small", "rules", List.of(
                        Map.of("type", "THRESHOLD", "data", List.of(Map.of("currency_type", "ethereum", "min", 0,
                                "max", 1000))),
                        Map.of("type", "MULTI_AUTHORIZATIONS", "data", List.of(Governed.step(1, alice))))),
                Map.of("name", "large", "rules", List.of(
                        Map.of("type", "THRESHOLD", "data", List.of(Map.of("currency_type", "ethereum", "min", 1001))),
                        Map.of("type", "MULTI_AUTHORIZATIONS", "data", List.of(Governed.step(1, alice),
                                Governed.step(1, bob)))))));
        JsonNode account = Sandbox.account(admin.client(), body);
        Sandbox.deposit(admin.client(), account.path("id").asLong(), "1000000000000000000");
        Sandbox.mine(admin.client(), "ethereum", 12);

        long small = alice.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "1000", ETH_RECIPIENT,
                "10000000000000000", Governed.speed("NORMAL"))).id();
        assertThat(Governed.approve(alice, small).text("status")).isEqualTo("SUBMITTED");
        long large = alice.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "1001", ETH_RECIPIENT,
                "10000000000000000", Governed.speed("NORMAL"))).id();
        assertThat(Governed.approve(alice, large).text("status")).isEqualTo("PENDING_APPROVAL");
        JsonNode governance = alice.client().get("/requests/" + large + "/governance-status").json();
        assertThat(governance.path("governance_steps")).hasSize(2);
        assertThat(Governed.approve(bob, large).text("status")).isEqualTo("SUBMITTED");

        // Bob approves no rule set for small amounts, so he cannot request them.
        ApiResponse notHis = bob.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "10",
                ETH_RECIPIENT, "10000000000000000", Governed.speed("NORMAL")));
        assertThat(notHis.status()).as(notHis.raw()).isEqualTo(400);

        // Until groups exist, a group step is refused with a clear message.
        Map<String, Object> grouped = new LinkedHashMap<>();
        grouped.put("name", Sandbox.uniqueName("eth"));
        grouped.put("currency", "ethereum");
        grouped.put("governance_rules", List.of(Map.of("name", "main", "rules", List.of(Map.of("type",
                "MULTI_AUTHORIZATIONS", "data", List.of(Map.of("group", 1, "quorum", 1)))))));
        ApiResponse groupRefused = admin.client().post("/sandbox/accounts", grouped);
        assertThat(groupRefused.status()).isEqualTo(400);
        assertThat(groupRefused.text("message")).contains("group");
    }
}
