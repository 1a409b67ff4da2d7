package io.coffer.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Governed;
import io.coffer.testing.Governed.Approver;
import io.coffer.testing.ServerCases;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bitcoinj.base.Base58;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * Message and digest signing over HTTP on a real server: governed by the account's rules, approved
 * step by step with signed challenges, signed with the account's key, and checked with web3j and
 * BouncyCastle; rejection, visibility and bad input on the way.
 */
abstract class SigningStoryCases extends ServerCases {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");

    record Team(String workspace, Approver admin, Approver alice, Approver bob, Approver carol) {
    }

    Team team() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        return new Team(ws[0], admin, Governed.operator(server, ws[0], admin.client()),
                Governed.operator(server, ws[0], admin.client()), Governed.operator(server, ws[0], admin.client()));
    }

    static Map<String, Object> message(JsonNode account, String type, String raw) {
        return Map.of("type", "CREATE_MESSAGE_SIGNING", "data", Map.of("account_id", account.path("id").asLong(),
                "message_type", type, "message_data", Map.of("account_name", account.path("name").asText(),
                        "raw_message", raw)));
    }

    static Map<String, Object> digests(JsonNode account, List<Map<String, Object>> items) {
        return Map.of("type", "SIGN_DIGESTS", "data", Map.of("account_id", account.path("id").asLong(), "digests", items));
    }

    static Map<String, Object> digest(String hex, String path) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("digest", hex);
        if (path != null) {
            item.put("derivation_path", path);
        }
        return item;
    }

    static JsonNode challenge(Approver approver, long requestId) throws Exception {
        String encoded = approver.client().get("/requests/" + requestId + "/challenge").text("challenge");
        return JSON.readTree(Base64.getUrlDecoder().decode(encoded));
    }

    static List<Long> ids(ApiResponse search) {
        assertThat(search.status()).as(search.raw()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        search.get("edges").forEach(edge -> ids.add(edge.path("node").path("id").asLong()));
        return ids;
    }

    @Test
    void anEip191MessageIsApprovedStepByStepSignedAndRecoversToTheAccount() throws Exception {
        Team t = team();
        JsonNode account = Governed.account(t.admin().client(), "ethereum",
                List.of(Governed.step(1, t.alice()), Governed.step(1, t.bob())));
        ApiResponse created = t.alice().client().post("/requests", message(account, "EIP-191", "Hello World!"));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(created.text("type")).isEqualTo("MESSAGE_SIGNING");
        assertThat(created.text("target_type")).isEqualTo("MESSAGE");
        long requestId = created.id();
        long messageId = created.get("target_id").asLong();

        JsonNode pending = t.alice().client().get("/messages/" + messageId).json();
        assertThat(pending.path("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(pending.path("message_type").asText()).isEqualTo("EIP-191");
        assertThat(pending.path("data").asText()).isEqualTo("Hello World!");
        assertThat(pending.path("last_request").asLong()).isEqualTo(requestId);
        assertThat(pending.has("signature")).isFalse();

        // Approvers are shown the message data in the challenge.
        JsonNode shown = challenge(t.alice(), requestId);
        assertThat(shown.path("type").asText()).isEqualTo("APPROVE_MESSAGE");
        assertThat(shown.path("data").path("message_data").path("raw_message").asText()).isEqualTo("Hello World!");
        assertThat(shown.path("data").path("message_type").asText()).isEqualTo("EIP-191");

        // The creator first; someone outside the rules never; then each step.
        assertThat(Governed.approve(t.bob(), requestId).status()).isEqualTo(400);
        assertThat(Governed.approve(t.carol(), requestId).status()).as("not an approver").isIn(400, 404);
        ApiResponse first = Governed.approve(t.alice(), requestId);
        assertThat(first.text("status")).as(first.raw()).isEqualTo("PENDING_APPROVAL");
        assertThat(t.alice().client().get("/messages/" + messageId).text("status")).isEqualTo("PENDING_APPROVAL");
        ApiResponse last = Governed.approve(t.bob(), requestId);
        assertThat(last.status()).as(last.raw()).isEqualTo(200);
        assertThat(last.text("status")).isEqualTo("SIGNED");

        JsonNode signed = t.bob().client().get("/messages/" + messageId).json();
        assertThat(signed.path("status").asText()).isEqualTo("SIGNED");
        assertThat(signed.path("address").asText()).isEqualToIgnoringCase(account.path("address").asText());
        byte[] signature = HexFormat.of().parseHex(signed.path("signature").asText().substring(2));
        assertThat(signature).hasSize(65);
        assertThat((int) signature[64]).isIn(27, 28);
        Sign.SignatureData data = new Sign.SignatureData(signature[64], Arrays.copyOfRange(signature, 0, 32),
                Arrays.copyOfRange(signature, 32, 64));
        BigInteger key = Sign.signedPrefixedMessageToKey("Hello World!".getBytes(StandardCharsets.UTF_8), data);
        assertThat("0x" + Keys.getAddress(key)).isEqualToIgnoringCase(account.path("address").asText());

        // History, searches and the requests list.
        JsonNode history = t.alice().client().get("/messages/" + messageId + "/history").json();
        List<String> statuses = new ArrayList<>();
        history.path("history").get(0).forEach(event -> statuses.add(event.path("status").asText()));
        assertThat(statuses).containsExactly("PENDING_FIRST_APPROVAL", "PENDING_APPROVAL", "APPROVED", "SIGNED");
        assertThat(ids(t.alice().client().get("/messages?message_type=EIP191&status=SIGNED"))).containsExactly(messageId);
        assertThat(ids(t.alice().client().get("/messages?message_type=EIP712"))).isEmpty();
        assertThat(ids(t.alice().client().get("/messages?account=" + account.path("id").asLong()))).containsExactly(messageId);
        assertThat(ids(t.alice().client().get("/messages?status=ABORTED"))).isEmpty();
        assertThat(ids(t.alice().client().get("/requests?target_type=MESSAGE"))).containsExactly(requestId);
        assertThat(t.alice().client().get("/messages?message_type=EIP-191").status()).isEqualTo(400);

        // Carol is named in no rule of the account: she sees nothing of it. Another workspace neither.
        assertThat(t.carol().client().get("/messages/" + messageId).status()).isEqualTo(404);
        assertThat(t.carol().client().get("/messages/" + messageId + "/history").status()).isEqualTo(404);
        assertThat(ids(t.carol().client().get("/messages"))).isEmpty();
        Team other = team();
        assertThat(other.admin().client().get("/messages/" + messageId).status()).isEqualTo(404);
        assertThat(ids(other.admin().client().get("/messages"))).isEmpty();
        assertThat(t.admin().client().get("/messages/" + messageId).status()).as("admins see all").isEqualTo(200);
    }

    @Test
    void aRejectedMessageIsAbortedAndNeverSigned() {
        Team t = team();
        JsonNode account = Governed.account(t.admin().client(), "ethereum",
                List.of(Governed.step(1, t.alice()), Governed.step(1, t.bob())));
        Map<String, Object> body = new LinkedHashMap<>(message(account, "EIP-191", "no thanks"));
        body.put("note", Map.of("title", "why", "content", "a login proof"));
        ApiResponse created = t.alice().client().post("/requests", body);
        long messageId = created.get("target_id").asLong();
        JsonNode note = t.alice().client().get("/messages/" + messageId).get("notes").get(0);
        assertThat(note.path("title").asText()).isEqualTo("why");
        assertThat(note.path("content").asText()).isEqualTo("a login proof");
        assertThat(Governed.approve(t.alice(), created.id()).status()).isEqualTo(200);
        ApiResponse rejected = Governed.reject(t.bob(), created.id());
        assertThat(rejected.status()).as(rejected.raw()).isEqualTo(200);
        JsonNode aborted = t.alice().client().get("/messages/" + messageId).json();
        assertThat(aborted.path("status").asText()).isEqualTo("ABORTED");
        assertThat(aborted.has("signature")).isFalse();
        assertThat(Governed.approve(t.bob(), created.id()).status()).as("closed").isEqualTo(400);
        assertThat(t.alice().client().get("/requests/" + created.id()).text("status")).isEqualTo("REJECTED");

        // Someone outside the rules cannot even ask.
        ApiResponse refused = t.carol().client().post("/requests", message(account, "EIP-191", "hi"));
        assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    void anExpiredRequestAbortsItsDigestsAndMessages() {
        Team t = team();
        JsonNode account = Governed.account(t.admin().client(), "ethereum",
                List.of(Governed.step(1, t.alice()), Governed.step(1, t.bob())));
        ApiResponse message = t.alice().client().post("/requests", message(account, "EIP-191", "later"));
        ApiResponse batch = t.alice().client().post("/requests", digests(account, List.of(digest("cd".repeat(32), null))));
        assertThat(Governed.approve(t.alice(), batch.id()).status()).isEqualTo(200);
        ApiResponse moved = t.admin().client().post("/sandbox/clock", Map.of("advance_seconds", 8 * 86_400));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        // Bearer tokens do not outlive a week: the legacy headers are checked on every call.
        io.coffer.testing.ApiClient alice = io.coffer.testing.Sandbox.legacyClient(server, t.workspace(), t.alice().user());
        io.coffer.testing.ApiClient bob = io.coffer.testing.Sandbox.legacyClient(server, t.workspace(), t.bob().user());
        // A vote on an expired request records the expiry (and is refused); reads never write.
        assertThat(bob.post("/requests/" + batch.id() + "/reject", "").status()).isEqualTo(400);
        assertThat(alice.post("/requests/" + message.id() + "/reject", "").status()).isEqualTo(400);
        assertThat(alice.get("/digests/" + batch.get("target_id").asLong()).text("status")).isEqualTo("ABORTED");
        assertThat(alice.get("/messages/" + message.get("target_id").asLong()).text("status"))
                .isEqualTo("ABORTED");
        assertThat(alice.get("/requests/" + batch.id()).text("status")).isEqualTo("EXPIRED");
        List<String> statuses = new ArrayList<>();
        alice.get("/digests/" + batch.get("target_id").asLong() + "/history").get("history").get(0)
                .forEach(event -> statuses.add(event.path("status").asText()));
        assertThat(statuses).containsExactly("PENDING_FIRST_APPROVAL", "PENDING_APPROVAL", "EXPIRED");
    }

    @Test
    void searchesPageAndFilterByDate() {
        Team t = team();
        JsonNode account = Governed.account(t.admin().client(), "ethereum", List.of(Governed.step(1, t.alice())));
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(t.alice().client().post("/requests", message(account, "EIP-191", "m" + i)).get("target_id").asLong());
            t.alice().client().post("/requests", digests(account, List.of(digest(("0" + i).repeat(32), null))));
        }
        for (String route : List.of("/messages", "/digests")) {
            ApiResponse first = t.alice().client().get(route + "?page_size=2");
            assertThat(first.get("page_info").path("count").asInt()).isEqualTo(3);
            assertThat(first.get("page_info").path("has_next_page").asBoolean()).isTrue();
            assertThat(first.get("edges")).hasSize(2);
            ApiResponse second = t.alice().client().get(route + "?page_size=2&page=2");
            assertThat(second.get("edges")).hasSize(1);
            assertThat(second.get("page_info").path("has_next_page").asBoolean()).isFalse();
            assertThat(ids(t.alice().client().get(route + "?created_after=2999-01-01T00:00:00Z"))).isEmpty();
            assertThat(ids(t.alice().client().get(route + "?created_before=2999-01-01T00:00:00Z"))).hasSize(3);
            assertThat(t.alice().client().get(route + "?created_after=yesterday").status()).isEqualTo(400);
            assertThat(t.alice().client().get(route + "?status=DONE").status()).isEqualTo(400);
            assertThat(t.alice().client().get(route + "?colour=red").status()).isEqualTo(400);
            assertThat(t.alice().client().get(route + "/999999999").status()).isEqualTo(404);
        }
        assertThat(ids(t.alice().client().get("/messages?order=asc"))).containsExactlyElementsOf(made);
        assertThat(ids(t.alice().client().get("/messages?id=" + made.get(1)))).containsExactly(made.get(1));
    }

    @Test
    void typedDataIsSignedAndMalformedTypedDataIsRefusedNamingTheField() throws Exception {
        Team t = team();
        JsonNode account = Governed.account(t.admin().client(), "ethereum", List.of(Governed.step(1, t.alice())));
        ApiResponse created = t.alice().client().post("/requests", message(account, "EIP-712", Eip712Test.MAIL));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(Governed.approve(t.alice(), created.id()).text("status")).isEqualTo("SIGNED");
        JsonNode signed = t.alice().client().get("/messages/" + created.get("target_id").asLong()).json();
        assertThat(signed.path("message_type").asText()).isEqualTo("EIP-712");
        byte[] signature = HexFormat.of().parseHex(signed.path("signature").asText().substring(2));
        Sign.SignatureData data = new Sign.SignatureData(signature[64], Arrays.copyOfRange(signature, 0, 32),
                Arrays.copyOfRange(signature, 32, 64));
        byte[] mailHash = HexFormat.of().parseHex("be609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2");
        assertThat("0x" + Keys.getAddress(Sign.signedMessageHashToKey(mailHash, data)))
                .isEqualToIgnoringCase(account.path("address").asText());
        assertThat(ids(t.alice().client().get("/messages?message_type=EIP712"))).hasSize(1);

        assertThat(refusal(t, message(account, "EIP-712", Eip712Test.MAIL.replace("\"primaryType\": \"Mail\"",
                "\"primaryType\": \"Letter\"")))).contains("data.message_data.raw_message.primaryType");
        assertThat(refusal(t, message(account, "EIP-712", Eip712Test.MAIL.replace("\"types\"", "\"typos\""))))
                .contains("data.message_data.raw_message.types");
        assertThat(refusal(t, message(account, "EIP-712", Eip712Test.MAIL.replace("\"Cow\"", "42"))))
                .contains("data.message_data.raw_message.message.from.name");
        assertThat(refusal(t, message(account, "EIP-712", Eip712Test.MAIL.replace("\"chainId\": 1", "\"chainId\": 5"))))
                .contains("data.message_data.raw_message.domain.chainId");
        assertThat(refusal(t, message(account, "EIP-712", "not json"))).contains("data.message_data.raw_message");
        assertThat(refusal(t, message(account, "EIP-191", "x".repeat(SigningService.MAX_MESSAGE_BYTES + 1))))
                .contains("data.message_data.raw_message");
        assertThat(refusal(t, message(account, "BIP-137", "hi"))).contains("data.message_type");
        Map<String, Object> wrongName = Map.of("type", "CREATE_MESSAGE_SIGNING", "data", Map.of("account_id",
                account.path("id").asLong(), "message_type", "EIP-191", "message_data", Map.of("account_name", "nope",
                        "raw_message", "hi")));
        assertThat(refusal(t, wrongName)).contains("data.message_data.account_name");

        // Bitcoin accounts: the API defines no message type for them.
        JsonNode bitcoin = Governed.account(t.admin().client(), "bitcoin", List.of(Governed.step(1, t.alice())));
        assertThat(refusal(t, message(bitcoin, "EIP-191", "hi"))).contains("EVM accounts only");
        assertThat(ids(t.admin().client().get("/messages"))).hasSize(1);
    }

    private static String refusal(Team t, Map<String, Object> body) {
        ApiResponse refused = t.alice().client().post("/requests", body);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        return refused.text("message");
    }

    @Test
    void secp256k1DigestsAreSignedAtTheirPathsAndVerify() throws Exception {
        Team t = team();
        JsonNode account = Governed.account(t.admin().client(), "ethereum",
                List.of(Governed.step(1, t.alice()), Governed.step(1, t.bob())));
        byte[] first = Hash.sha256("first".getBytes(StandardCharsets.UTF_8));
        byte[] second = Hash.sha256("second".getBytes(StandardCharsets.UTF_8));
        String firstHex = HexFormat.of().formatHex(first);
        ApiResponse created = t.alice().client().post("/requests", digests(account, List.of(
                digest("0x" + firstHex.toUpperCase(), null), digest(HexFormat.of().formatHex(second), "m/44'/60'/0'/0/7"))));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(created.text("type")).isEqualTo("SIGN_DIGESTS");
        assertThat(created.text("target_type")).isEqualTo("DIGESTS");
        long batchId = created.get("target_id").asLong();

        JsonNode shown = challenge(t.alice(), created.id());
        assertThat(shown.path("data").path("digests").get(0).path("digest").asText()).isEqualTo(firstHex);
        assertThat(shown.path("data").path("digests").get(1).path("derivation_path").asText()).isEqualTo("m/44'/60'/0'/0/7");

        JsonNode pending = t.alice().client().get("/digests/" + batchId).json();
        assertThat(pending.path("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(pending.path("digests_data").get(0).path("derivation_path").asText()).isEqualTo("m/44'/60'/0'/0/0");
        assertThat(pending.path("digests_data").get(0).has("signature")).isFalse();

        assertThat(Governed.approve(t.alice(), created.id()).text("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(Governed.approve(t.bob(), created.id()).text("status")).isEqualTo("SIGNED");
        JsonNode signed = t.bob().client().get("/digests/" + batchId).json();
        assertThat(signed.path("status").asText()).isEqualTo("SIGNED");
        JsonNode own = signed.path("digests_data").get(0);
        JsonNode deeper = signed.path("digests_data").get(1);
        assertThat(own.path("digest").asText()).isEqualTo(firstHex);
        assertThat(verifiesSecp256k1(own, first)).isTrue();
        assertThat(verifiesSecp256k1(deeper, second)).isTrue();
        assertThat(verifiesSecp256k1(deeper, first)).isFalse();
        // The account's own key is the one behind its address; the deeper path is another key.
        assertThat("0x" + Keys.getAddress(publicKey(own))).isEqualToIgnoringCase(account.path("address").asText());
        assertThat(own.path("pub_key").asText()).isNotEqualTo(deeper.path("pub_key").asText());
        assertThat(own.path("signature").path("v").asInt()).isIn(27, 28);
        assertThat(own.path("signature").path("der").asText()).startsWith("30");

        JsonNode history = t.alice().client().get("/digests/" + batchId + "/history").json();
        assertThat(history.path("history").get(0)).hasSize(4);
        assertThat(ids(t.alice().client().get("/digests?status=SIGNED&account=" + account.path("id").asLong())))
                .containsExactly(batchId);
        assertThat(ids(t.alice().client().get("/digests?status=PENDING_APPROVAL"))).isEmpty();
        assertThat(ids(t.alice().client().get("/requests?target_type=DIGESTS"))).containsExactly(created.id());
        assertThat(t.carol().client().get("/digests/" + batchId).status()).isEqualTo(404);
        assertThat(ids(t.carol().client().get("/digests"))).isEmpty();
        assertThat(team().admin().client().get("/digests/" + batchId).status()).isEqualTo(404);
    }

    @Test
    void digestInputIsBoundedAndPathsStayInTheAccountsSubtree() {
        Team t = team();
        JsonNode account = Governed.account(t.admin().client(), "ethereum", List.of(Governed.step(1, t.alice())));
        String hex = "ab".repeat(32);
        assertThat(digestRefusal(t, account, List.of(digest(hex, "m/44'/60'/1'/0/0"))))
                .contains("data.digests[0].derivation_path").contains("outside");
        assertThat(digestRefusal(t, account, List.of(digest(hex, null), digest(hex, "m/44'/0'/0'/0/0"))))
                .contains("data.digests[1].derivation_path");
        assertThat(digestRefusal(t, account, List.of(digest(hex, "44'/60'/0'/x")))).contains("data.digests[0].derivation_path");
        assertThat(digestRefusal(t, account, List.of(digest("ab".repeat(31), null)))).contains("data.digests[0].digest");
        assertThat(digestRefusal(t, account, List.of(digest("zz".repeat(32), null)))).contains("data.digests[0].digest");
        assertThat(digestRefusal(t, account, List.of())).contains("data.digests");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(digest(hex, null));
        }
        assertThat(digestRefusal(t, account, many)).contains("1 to 100");
        assertThat(t.alice().client().post("/requests", digests(account, many.subList(0, 100))).status()).isEqualTo(200);
    }

    private static String digestRefusal(Team t, JsonNode account, List<Map<String, Object>> items) {
        ApiResponse refused = t.alice().client().post("/requests", digests(account, items));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        return refused.text("message");
    }

    @Test
    void ed25519DigestsAreSignedWithTheAccountsKey() {
        Team t = team();
        JsonNode account = Governed.account(t.admin().client(), "solana", List.of(Governed.step(1, t.alice())));
        byte[] payload = Hash.sha256("solana payload".getBytes(StandardCharsets.UTF_8));
        ApiResponse created = t.alice().client().post("/requests", digests(account,
                List.of(digest(HexFormat.of().formatHex(payload), null))));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(digestRefusal(t, account, List.of(digest("ab".repeat(32), "m/44'/501'/0'/0")))).contains("hardened");
        assertThat(Governed.approve(t.alice(), created.id()).text("status")).isEqualTo("SIGNED");
        JsonNode item = t.alice().client().get("/digests/" + created.get("target_id").asLong()).json()
                .path("digests_data").get(0);
        byte[] publicKey = HexFormat.of().parseHex(item.path("pub_key").asText().substring(2));
        // A Solana address is its account key in base58.
        assertThat(publicKey).isEqualTo(Base58.decode(account.path("address").asText()));
        byte[] signature = new byte[64];
        System.arraycopy(SignaturesTest.word(new BigInteger(item.path("signature").path("r").asText())), 0, signature, 0, 32);
        System.arraycopy(SignaturesTest.word(new BigInteger(item.path("signature").path("s").asText())), 0, signature, 32, 32);
        assertThat(SignaturesTest.verifies(publicKey, payload, signature)).isTrue();
        assertThat(item.path("signature").has("v")).isFalse();
    }

    /** MAIL without a chain id in its domain: valid on every EVM network. */
    private static final String CHAINLESS_MAIL = Eip712Test.MAIL
            .replace("{\"name\": \"chainId\", \"type\": \"uint256\"}, ", "").replace("\"chainId\": 1,", "");

    @Test
    void aKeyThatAnotherAccountSharesSignsNoDigestsNorChainlessMessages() {
        Team t = team();
        // Ethereum and Sepolia accounts number 0 derive at 44'/60'/0': one key, one address, two rule sets.
        JsonNode mainnet = Governed.account(t.admin().client(), "ethereum",
                List.of(Governed.step(1, t.alice()), Governed.step(1, t.bob())));
        JsonNode testnet = Governed.account(t.admin().client(), "ethereum_sepolia", List.of(Governed.step(1, t.carol())));
        assertThat(testnet.path("address").asText()).isEqualTo(mainnet.path("address").asText());
        assertThat(t.carol().client().get("/accounts/" + mainnet.path("id").asLong()).status()).isEqualTo(404);

        // Carol governs only the testnet account: a raw signature (a mainnet transaction hash) or a message
        // naming no chain, made with its key, would be the mainnet account's, bypassing Alice and Bob.
        ApiResponse digest = t.carol().client().post("/requests", digests(testnet, List.of(digest("ab".repeat(32), null))));
        assertThat(digest.status()).as(digest.raw()).isEqualTo(400);
        assertThat(digest.text("message")).contains("data.account_id").contains("account " + mainnet.path("id").asLong());
        ApiResponse text = t.carol().client().post("/requests", message(testnet, "EIP-191", "I am the mainnet treasury"));
        assertThat(text.status()).as(text.raw()).isEqualTo(400);
        assertThat(text.text("message")).contains("data.message_type");
        ApiResponse chainless = t.carol().client().post("/requests", message(testnet, "EIP-712", CHAINLESS_MAIL));
        assertThat(chainless.status()).as(chainless.raw()).isEqualTo(400);
        assertThat(chainless.text("message")).contains("data.message_data.raw_message.domain.chainId");
        // The mainnet side is refused alike, so nothing it signs is valid on Sepolia either.
        assertThat(t.alice().client().post("/requests", digests(mainnet, List.of(digest("ab".repeat(32), null)))).status())
                .isEqualTo(400);
        assertThat(ids(t.admin().client().get("/digests"))).isEmpty();

        // Typed data bound to the testnet's chain id is valid there only: signed.
        ApiResponse bound = t.carol().client().post("/requests", message(testnet, "EIP-712",
                Eip712Test.MAIL.replace("\"chainId\": 1", "\"chainId\": 11155111")));
        assertThat(bound.status()).as(bound.raw()).isEqualTo(200);
        assertThat(Governed.approve(t.carol(), bound.id()).text("status")).isEqualTo("SIGNED");
    }

    @Test
    void aKeySharedAfterTheRequestSignsNothingAtTheLastApproval() {
        Team t = team();
        JsonNode base = Governed.account(t.admin().client(), "base", List.of(Governed.step(1, t.alice())));
        ApiResponse batch = t.alice().client().post("/requests", digests(base, List.of(digest("cd".repeat(32), null))));
        ApiResponse text = t.alice().client().post("/requests", message(base, "EIP-191", "hello"));
        ApiResponse chainless = t.alice().client().post("/requests", message(base, "EIP-712", CHAINLESS_MAIL));
        for (ApiResponse created : List.of(batch, text, chainless)) {
            assertThat(created.status()).as(created.raw()).isEqualTo(200);
        }
        // An Optimism account number 0 now holds the same key (44'/60'/0'), under Bob's rules.
        JsonNode optimism = Governed.account(t.admin().client(), "optimism", List.of(Governed.step(1, t.bob())));
        assertThat(optimism.path("address").asText()).isEqualTo(base.path("address").asText());
        for (ApiResponse created : List.of(batch, text, chainless)) {
            ApiResponse approval = Governed.approve(t.alice(), created.id());
            assertThat(approval.status()).as(approval.raw()).isEqualTo(400);
            assertThat(approval.text("message")).contains("account " + optimism.path("id").asLong());
        }
        assertThat(t.alice().client().get("/digests/" + batch.get("target_id").asLong()).text("status"))
                .isEqualTo("PENDING_APPROVAL");
        assertThat(t.alice().client().get("/messages/" + text.get("target_id").asLong()).json().has("signature")).isFalse();
    }

    @Test
    void aTokenAccountSignsNothingWithItsParentsKey() {
        Team t = team();
        JsonNode parent = Governed.account(t.admin().client(), "ethereum",
                List.of(Governed.step(1, t.alice()), Governed.step(1, t.bob())));
        Map<String, Object> tokenBody = new LinkedHashMap<>();
        tokenBody.put("name", io.coffer.testing.Sandbox.uniqueName("usdc"));
        tokenBody.put("currency", "ethereum");
        tokenBody.put("parent", parent.path("id").asLong());
        tokenBody.put("contract_address", "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
        tokenBody.put("governance_rules", List.of(Map.of("name", "main", "rules", List.of(Map.of(
                "type", "MULTI_AUTHORIZATIONS", "data", List.of(Governed.step(1, t.carol())))))));
        JsonNode token = io.coffer.testing.Sandbox.account(t.admin().client(), tokenBody);
        // Carol governs the USDC account alone; its key is the parent's, which holds the ether under Alice and Bob.
        for (Map<String, Object> body : List.of(digests(token, List.of(digest("ab".repeat(32), null))),
                message(token, "EIP-191", "hello"), message(token, "EIP-712", Eip712Test.MAIL))) {
            ApiResponse refused = t.carol().client().post("/requests", body);
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(refused.text("message")).contains("data.account_id").contains("account " + parent.path("id").asLong());
        }
        assertThat(ids(t.admin().client().get("/requests?target_type=DIGESTS"))).isEmpty();
        assertThat(ids(t.admin().client().get("/messages"))).isEmpty();
    }

    @Test
    void aNulCharacterIsRefusedNamingItsFieldOnEveryDatabase() {
        Team t = team();
        JsonNode account = Governed.account(t.admin().client(), "ethereum", List.of(Governed.step(1, t.alice())));
        assertThat(refusal(t, message(account, "EIP-191", "nul\u0000byte"))).contains("data.message_data.raw_message");
        assertThat(refusal(t, message(account, "EIP-712", Eip712Test.MAIL.replace("Hello, Bob!", "Hello\u0000"))))
                .contains("data.message_data.raw_message");
        Map<String, Object> noted = new LinkedHashMap<>(message(account, "EIP-191", "hi"));
        noted.put("note", Map.of("title", "t\u0000", "content", "c"));
        assertThat(refusal(t, noted)).contains("note.title");
        Map<String, Object> notedDigests = new LinkedHashMap<>(digests(account, List.of(digest("ab".repeat(32), null))));
        notedDigests.put("note", Map.of("title", "t", "content", "c\u0000"));
        assertThat(refusal(t, notedDigests)).contains("note.content");
        assertThat(ids(t.admin().client().get("/messages"))).isEmpty();
    }

    @Test
    void aSignatureNeedsTheApproversOfEveryAmountAndNoWhitelist() {
        Team t = team();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", io.coffer.testing.Sandbox.uniqueName("eth"));
        body.put("currency", "ethereum");
        body.put("governance_rules", List.of(
                Map.of("name", "small", "rules", List.of(
                        Map.of("type", "THRESHOLD", "data", List.of(Map.of("currency_type", "ethereum", "min", 0,
                                "max", 1000))),
                        Map.of("type", "MULTI_AUTHORIZATIONS", "data", List.of(Governed.step(1, t.alice()))))),
                Map.of("name", "large", "rules", List.of(
                        Map.of("type", "THRESHOLD", "data", List.of(Map.of("currency_type", "ethereum", "min", 1001))),
                        Map.of("type", "MULTI_AUTHORIZATIONS", "data", List.of(Governed.step(1, t.alice()),
                                Governed.step(1, t.bob())))))));
        JsonNode tiered = io.coffer.testing.Sandbox.account(t.admin().client(), body);
        // A raw digest may be a transaction of any amount; typed data a permit of any amount: Alice alone, who
        // governs small sends, must not sign them; the large rule set's approvers must approve too.
        for (Map<String, Object> asked : List.of(digests(tiered, List.of(digest("ab".repeat(32), null))),
                message(tiered, "EIP-712", Eip712Test.MAIL), message(tiered, "EIP-191", "hello"))) {
            ApiResponse created = t.alice().client().post("/requests", asked);
            assertThat(created.status()).as(created.raw()).isEqualTo(200);
            assertThat(Governed.approve(t.alice(), created.id()).text("status")).isEqualTo("PENDING_APPROVAL");
            assertThat(Governed.approve(t.bob(), created.id()).text("status")).isEqualTo("SIGNED");
        }

        // A whitelist restricts whom the account pays; a raw digest or typed data could pay anyone.
        long whitelist = t.admin().client().post("/sandbox/whitelists", Map.of("name", "w", "addresses", List.of(Map.of(
                "name", "n", "currency", "ethereum", "address", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")))).id();
        JsonNode listed = io.coffer.testing.Sandbox.account(t.admin().client(), Map.of("name",
                io.coffer.testing.Sandbox.uniqueName("eth"), "currency", "ethereum", "governance_rules", List.of(Map.of(
                        "name", "r", "rules", List.of(Map.of("type", "MULTI_AUTHORIZATIONS", "data",
                                List.of(Governed.step(1, t.alice()))), Map.of("type", "WHITELIST", "data",
                                List.of(Map.of("whitelist", whitelist))))))));
        assertThat(refusal(t, digests(listed, List.of(digest("ab".repeat(32), null))))).contains("data.account_id")
                .contains("whitelist");
        assertThat(refusal(t, message(listed, "EIP-712", Eip712Test.MAIL))).contains("whitelist");
        // A personal message pays no one.
        assertThat(t.alice().client().post("/requests", message(listed, "EIP-191", "hello")).status()).isEqualTo(200);
    }

    @Test
    void theChallengeShowsThePathAsItIsSigned() throws Exception {
        Team t = team();
        JsonNode account = Governed.account(t.admin().client(), "ethereum", List.of(Governed.step(1, t.alice())));
        ApiResponse created = t.alice().client().post("/requests", digests(account,
                List.of(digest("ab".repeat(32), "44h/60h/0h/0/07"))));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        JsonNode shown = challenge(t.alice(), created.id()).path("data").path("digests").get(0);
        String stored = t.alice().client().get("/digests/" + created.get("target_id").asLong()).json()
                .path("digests_data").get(0).path("derivation_path").asText();
        assertThat(stored).isEqualTo("m/44'/60'/0'/0/7");
        assertThat(shown.path("derivation_path").asText()).isEqualTo(stored);
    }

    @Test
    void aParentWhoseTokenAccountsHaveTheirOwnApproversSignsNoDigestsNorTypedData() {
        Team t = team();
        JsonNode parent = Governed.account(t.admin().client(), "ethereum", List.of(Governed.step(1, t.alice())));
        Map<String, Object> tokenBody = new LinkedHashMap<>();
        tokenBody.put("name", io.coffer.testing.Sandbox.uniqueName("usdc"));
        tokenBody.put("currency", "ethereum");
        tokenBody.put("parent", parent.path("id").asLong());
        tokenBody.put("contract_address", "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
        tokenBody.put("governance_rules", List.of(Map.of("name", "main", "rules", List.of(Map.of(
                "type", "MULTI_AUTHORIZATIONS", "data", List.of(Governed.step(1, t.bob())))))));
        JsonNode token = io.coffer.testing.Sandbox.account(t.admin().client(), tokenBody);
        // The USDC sits at the parent's address under Bob's rules: a raw digest or a permit signed with the
        // parent's key could move it without Bob; a personal message moves nothing.
        for (Map<String, Object> asked : List.of(digests(parent, List.of(digest("ab".repeat(32), null))),
                message(parent, "EIP-712", Eip712Test.MAIL))) {
            assertThat(refusal(t, asked)).contains("data.account_id").contains("token account " + token.path("id").asLong());
        }
        ApiResponse text = t.alice().client().post("/requests", message(parent, "EIP-191", "hello"));
        assertThat(Governed.approve(t.alice(), text.id()).text("status")).isEqualTo("SIGNED");

        // A token account under its parent's approvers (the default: it copies their rules) changes nothing.
        JsonNode other = Governed.account(t.admin().client(), "ethereum", List.of(Governed.step(1, t.alice())));
        io.coffer.testing.Sandbox.account(t.admin().client(), Map.of("name", io.coffer.testing.Sandbox.uniqueName("usdc"),
                "currency", "ethereum", "parent", other.path("id").asLong(),
                "contract_address", "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"));
        ApiResponse batch = t.alice().client().post("/requests", digests(other, List.of(digest("ab".repeat(32), null))));
        assertThat(batch.status()).as(batch.raw()).isEqualTo(200);
    }

    private static boolean verifiesSecp256k1(JsonNode item, byte[] digest) {
        byte[] publicKey = HexFormat.of().parseHex(item.path("pub_key").asText().substring(2));
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(CURVE.getCurve().decodePoint(publicKey),
                new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH())));
        return verifier.verifySignature(digest, new BigInteger(item.path("signature").path("r").asText()),
                new BigInteger(item.path("signature").path("s").asText()));
    }

    /** The uncompressed public key (64 bytes as a number), as web3j's address derivation takes it. */
    private static BigInteger publicKey(JsonNode item) {
        byte[] compressed = HexFormat.of().parseHex(item.path("pub_key").asText().substring(2));
        byte[] full = CURVE.getCurve().decodePoint(compressed).getEncoded(false);
        return new BigInteger(1, Arrays.copyOfRange(full, 1, 65));
    }
}
