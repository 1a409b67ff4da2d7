package io.coffer.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Engine;
import io.coffer.testing.Governed;
import io.coffer.testing.Governed.Approver;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerProcess;
import io.coffer.testing.TestServer;
import io.coffer.testing.WebhookReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Compliance through HTTP on a real server with the shipped OFAC snapshot and a configured high-risk
 * list: the two reference routes, the refusals of sends and whitelists to sanctioned addresses, and
 * the flag (stored, shown, announced) of a deposit from a listed sender.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ComplianceCases {

    /** On the shipped list under XBT (a legacy and a segwit address). */
    static final String SANCTIONED_XBT = "123WBUDmSJv4GctdVEz6Qq6z8nXSKrJ4KX";
    static final String SANCTIONED_XBT_SEGWIT = "bc1q05aktddf9ce4p7hh3stgsf253m4vweu7nkhtmw";
    /** On the shipped list under ETH, written there in mixed case. */
    static final String SANCTIONED_ETH = "0x01e2919679362dFBC9ee1644Ba9C6da6D6245BB1";
    /** The Bitcoin-style P2SH spelling (version 0x05) of M8yFL6SFC6TreATegTyuSYkDfDRbisdpT3, listed under LTC. */
    static final String SANCTIONED_LTC_OLD_P2SH = "32m72D2HEycRqfBkaazZcuVpLWq9k3sYdt";
    /** The legacy Base58 spelling of qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq, listed under BCH. */
    static final String SANCTIONED_BCH_LEGACY = "18Y8VPic2pZsvyLaYVdSLQdCuT2nAJJ3hd";
    /** Valid addresses on no list. */
    static final String CLEAN_ETH = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    static final String CLEAN_BTC = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
    /** On the high-risk list this suite configures. */
    static final String RISKY_ETH = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
    static final BigInteger ETH = BigInteger.TEN.pow(18);

    protected TestServer server;
    protected WebhookReceiver receiver;

    protected abstract Engine engine();

    @BeforeAll
    void start() throws IOException {
        Path highRisk = Engine.tempDir("risk").resolve("high-risk.txt");
        Files.writeString(highRisk, "# operator's list\n" + RISKY_ETH.toLowerCase(Locale.ROOT)
                + " mixing Mixer that laundered the proceeds of a 2023 exchange hack\n");
        server = TestServer.start(engine(), Map.of("COFFER_HIGH_RISK_ADDRESSES_FILE", highRisk.toString(),
                "COFFER_WEBHOOK_FIRST_RETRY_MILLIS", "100"));
        receiver = WebhookReceiver.start(0);
    }

    @AfterAll
    void stop() {
        receiver.close();
        server.close();
    }

    @Test
    void listedAddressesAreSanctionedInAnyLetterCaseForEvmAndExactlyForBitcoin() {
        ApiClient client = Sandbox.workspace(server).client();
        for (String address : List.of(SANCTIONED_XBT, SANCTIONED_XBT_SEGWIT, SANCTIONED_ETH,
                SANCTIONED_ETH.toLowerCase(Locale.ROOT), "0x" + SANCTIONED_ETH.substring(2).toUpperCase(Locale.ROOT),
                SANCTIONED_XBT_SEGWIT.toUpperCase(Locale.ROOT))) {
            ApiResponse answer = client.get("/compliance/sanctions/" + address);
            assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
            assertThat(answer.text("address")).isEqualTo(address);
            assertThat(answer.get("has_sanctions").asBoolean()).as(address).isTrue();
            JsonNode detail = answer.get("provider_details").get(0);
            assertThat(detail.path("category").asText()).isEqualTo("sanctions");
            assertThat(detail.path("name").asText()).contains("OFAC SDN");
            assertThat(detail.path("url").asText()).startsWith("https://");
        }
        assertThat(client.get("/compliance/sanctions/" + SANCTIONED_ETH).get("provider_details").get(0)
                .path("description").asText()).contains("ETH").contains("2024-09-27");
        // Base58 is case-sensitive: another case is another text (a NEAR account name, as it happens), no match.
        ApiResponse otherCase = client.get("/compliance/sanctions/" + SANCTIONED_XBT.toLowerCase(Locale.ROOT));
        assertThat(otherCase.status()).as(otherCase.raw()).isEqualTo(200);
        assertThat(otherCase.get("has_sanctions").asBoolean()).isFalse();

        for (String address : List.of(CLEAN_ETH, CLEAN_BTC, RISKY_ETH)) {
            ApiResponse clean = client.get("/compliance/sanctions/" + address);
            assertThat(clean.status()).as(clean.raw()).isEqualTo(200);
            assertThat(clean.get("has_sanctions").asBoolean()).as(address).isFalse();
            assertThat(clean.get("provider_details").size()).isZero();
        }
    }

    @Test
    void riskIsSevereForSanctionedHighForTheConfiguredListAndLowOtherwise() {
        ApiClient client = Sandbox.workspace(server).client();
        ApiResponse sanctioned = client.get("/compliance/address-risk/" + SANCTIONED_ETH.toLowerCase(Locale.ROOT));
        assertThat(sanctioned.status()).as(sanctioned.raw()).isEqualTo(200);
        assertThat(sanctioned.text("risk")).isEqualTo("HIGH");
        assertThat(sanctioned.get("provider_details").path("risk").asText()).isEqualTo("Severe");
        assertThat(sanctioned.get("provider_details").path("exposures").get(0).path("category").asText())
                .isEqualTo("sanctions");
        assertThat(sanctioned.get("provider_details").path("reason").asText()).contains("Sanctioned").contains("ETH");

        ApiResponse xbt = client.get("/compliance/address-risk/" + SANCTIONED_XBT);
        assertThat(xbt.get("provider_details").path("risk").asText()).isEqualTo("Severe");

        ApiResponse risky = client.get("/compliance/address-risk/" + RISKY_ETH);
        assertThat(risky.status()).as(risky.raw()).isEqualTo(200);
        assertThat(risky.text("risk")).isEqualTo("HIGH");
        assertThat(risky.get("provider_details").path("risk").asText()).isEqualTo("High");
        assertThat(risky.get("provider_details").path("exposures").get(0).path("category").asText()).isEqualTo("mixing");
        assertThat(risky.get("provider_details").path("reason").asText()).contains("laundered");

        ApiResponse clean = client.get("/compliance/address-risk/" + CLEAN_BTC);
        assertThat(clean.status()).as(clean.raw()).isEqualTo(200);
        assertThat(clean.text("risk")).isEqualTo("LOW");
        assertThat(clean.get("provider_details").path("risk").asText()).isEqualTo("Low");
        assertThat(clean.get("provider_details").path("exposures").size()).isZero();
        assertThat(clean.get("provider_details").has("reason")).isFalse();
    }

    @Test
    void textThatIsNoAddressIsA400InTheErrorShapeAndEveryRoleMayRead() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        for (String route : List.of("/compliance/sanctions/", "/compliance/address-risk/")) {
            for (String bad : List.of("garbage!", "0xZZ12", "Bitcoin", "1" + "a".repeat(300), "%20bc1q",
                    SANCTIONED_XBT.substring(0, 20))) {
                ApiResponse refused = ws.client().get(route + bad);
                assertThat(refused.status()).as(route + bad + ": " + refused.raw()).isEqualTo(400);
                assertThat(refused.text("name")).isEqualTo("BadRequestError");
                assertThat(refused.get("status_code").asInt()).isEqualTo(400);
            }
        }
        long account = Sandbox.account(ws.client(), "bitcoin").path("id").asLong();
        long entity = ws.client().post("/sandbox/entities", Map.of("name", Sandbox.uniqueName("e"), "accounts",
                List.of(account))).id();
        ApiResponse issued = ws.client().post("/reporting-keys", Map.of("name", Sandbox.uniqueName("auditor"),
                "entities", List.of(entity)));
        assertThat(issued.status()).as(issued.raw()).isEqualTo(200);
        ApiClient auditor = new ApiClient(server.baseUrl(), Map.of("X-Ledger-Workspace", ws.name(),
                "X-Ledger-Reporting-API-Key", issued.text("key")));
        assertThat(auditor.get("/compliance/sanctions/" + SANCTIONED_XBT).get("has_sanctions").asBoolean()).isTrue();
        assertThat(auditor.get("/compliance/address-risk/" + CLEAN_ETH).text("risk")).isEqualTo("LOW");
        assertThat(server.anonymous().get("/compliance/sanctions/" + SANCTIONED_XBT).status()).isEqualTo(401);
    }

    @Test
    void aSendToASanctionedRecipientIsRefusedAndReservesNothing() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        JsonNode account = Governed.account(admin.client(), "ethereum", List.of(Governed.step(1, admin)));
        long accountId = account.path("id").asLong();
        Sandbox.deposit(admin.client(), accountId, ETH.multiply(BigInteger.TWO).toString());
        Sandbox.mine(admin.client(), "ethereum", 12);
        String balanceBefore = admin.client().get("/accounts/" + accountId + "/balances").raw();
        int requestsBefore = admin.client().get("/requests").get("page_info").path("count").asInt();
        int transactionsBefore = admin.client().get("/transactions?account=" + accountId).get("page_info").path("count").asInt();

        for (String recipient : List.of(SANCTIONED_ETH, SANCTIONED_ETH.toLowerCase(Locale.ROOT))) {
            ApiResponse refused = admin.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND",
                    ETH.toString(), recipient, "10000000000000000", Governed.speed("NORMAL")));
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(refused.text("name")).isEqualTo("CofferSanctionedAddress");
            assertThat(refused.text("message")).contains("recipient").contains("OFAC SDN");
        }
        assertThat(admin.client().get("/accounts/" + accountId + "/balances").raw()).isEqualTo(balanceBefore);
        assertThat(admin.client().get("/requests").get("page_info").path("count").asInt()).isEqualTo(requestsBefore);
        assertThat(admin.client().get("/transactions?account=" + accountId).get("page_info").path("count").asInt())
                .isEqualTo(transactionsBefore);

        // The same send to a clean address goes through: the refusal was about the recipient.
        ApiResponse clean = admin.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND",
                ETH.toString(), CLEAN_ETH, "10000000000000000", Governed.speed("NORMAL")));
        assertThat(clean.status()).as(clean.raw()).isEqualTo(200);
    }

    /**
     * Another spelling of a listed script is no way around the list: Litecoin takes the Bitcoin-style
     * P2SH version for the script the list writes as M8yFL..., Bitcoin Cash takes the legacy form of a
     * listed CashAddr address. Sends, whitelists, deposits and both reads see through them.
     */
    @Test
    void anotherSpellingOfAListedScriptIsRefusedFlaggedAndReportedSanctioned() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        ApiClient client = admin.client();
        JsonNode litecoin = Governed.account(client, "litecoin", List.of(Governed.step(1, admin)));
        Sandbox.deposit(client, litecoin.path("id").asLong(), "100000000");
        Sandbox.mine(client, "litecoin", 6);
        int requestsBefore = client.get("/requests").get("page_info").path("count").asInt();

        ApiResponse send = client.post("/requests", Governed.send(litecoin, "BITCOIN_LIKE_SEND", "100000",
                SANCTIONED_LTC_OLD_P2SH, "100000", Governed.speed("NORMAL")));
        assertThat(send.status()).as(send.raw()).isEqualTo(400);
        assertThat(send.text("name")).isEqualTo("CofferSanctionedAddress");
        assertThat(send.text("message")).contains(SANCTIONED_LTC_OLD_P2SH).contains("LTC");
        assertThat(client.get("/requests").get("page_info").path("count").asInt()).isEqualTo(requestsBefore);

        ApiResponse whitelist = client.post("/sandbox/whitelists", Map.of("name", Sandbox.uniqueName("w"),
                "addresses", List.of(Map.of("name", "bad", "currency", "bitcoin_cash", "address", SANCTIONED_BCH_LEGACY))));
        assertThat(whitelist.status()).as(whitelist.raw()).isEqualTo(400);
        assertThat(whitelist.text("name")).isEqualTo("CofferSanctionedAddress");

        long bch = Sandbox.account(client, "bitcoin_cash").path("id").asLong();
        ApiResponse deposit = deposit(client, bch, SANCTIONED_BCH_LEGACY);
        assertThat(deposit.get("compliance").path("risk").path("provider_details").path("chainalysis").get(0)
                .path("risk").asText()).isEqualTo("Severe");

        for (String address : List.of(SANCTIONED_LTC_OLD_P2SH, SANCTIONED_BCH_LEGACY)) {
            assertThat(client.get("/compliance/sanctions/" + address).get("has_sanctions").asBoolean()).as(address).isTrue();
            assertThat(client.get("/compliance/address-risk/" + address).get("provider_details").path("risk").asText())
                    .isEqualTo("Severe");
        }
    }

    @Test
    void aWhitelistWithASanctionedAddressIsRefusedByEveryRoute() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        ApiClient client = admin.client();
        int whitelistsBefore = client.get("/whitelists").get("page_info").path("count").asInt();
        int requestsBefore = client.get("/requests").get("page_info").path("count").asInt();

        ApiResponse viaRequest = client.post("/requests", Map.of("type", "CREATE_WHITELIST", "data", Map.of("name",
                Sandbox.uniqueName("w"), "addresses", List.of(
                        Map.of("name", "fine", "currency", "bitcoin", "address", CLEAN_BTC),
                        Map.of("name", "bad", "currency", "bitcoin", "address", SANCTIONED_XBT)))));
        assertThat(viaRequest.status()).as(viaRequest.raw()).isEqualTo(400);
        assertThat(viaRequest.text("name")).isEqualTo("CofferSanctionedAddress");
        assertThat(viaRequest.text("message")).contains("addresses[1].address").contains(SANCTIONED_XBT);

        ApiResponse viaSandbox = client.post("/sandbox/whitelists", Map.of("name", Sandbox.uniqueName("w"),
                "addresses", List.of(Map.of("name", "bad", "currency", "ethereum",
                        "address", SANCTIONED_ETH.toLowerCase(Locale.ROOT)))));
        assertThat(viaSandbox.status()).as(viaSandbox.raw()).isEqualTo(400);
        assertThat(viaSandbox.text("name")).isEqualTo("CofferSanctionedAddress");
        assertThat(client.get("/whitelists").get("page_info").path("count").asInt()).isEqualTo(whitelistsBefore);
        assertThat(client.get("/requests").get("page_info").path("count").asInt()).isEqualTo(requestsBefore);

        long whitelist = client.post("/sandbox/whitelists", Map.of("name", Sandbox.uniqueName("w"), "addresses",
                List.of(Map.of("name", "fine", "currency", "bitcoin", "address", CLEAN_BTC)))).id();
        ApiResponse edit = client.post("/requests", Map.of("type", "EDIT_WHITELIST", "data", Map.of("whitelist_id",
                whitelist, "addresses", List.of(Map.of("name", "bad", "currency", "bitcoin",
                        "address", SANCTIONED_XBT_SEGWIT)))));
        assertThat(edit.status()).as(edit.raw()).isEqualTo(400);
        assertThat(edit.text("name")).isEqualTo("CofferSanctionedAddress");
        assertThat(client.get("/whitelists/" + whitelist).get("addresses").get(0).path("address").asText())
                .isEqualTo(CLEAN_BTC);
    }

    @Test
    void aDepositFromASanctionedSenderIsRecordedFlaggedAndScored() throws Exception {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        ApiClient client = admin.client();
        String path = "/scored-" + ws[0];
        String secret = "a-scoring-secret-0123456789";
        ApiResponse set = client.send("PUT", "/notifications/configuration", "{\"all\":{\"webhook\":{\"url\":\""
                + receiver.url(path, secret) + "\",\"secret\":\"" + secret + "\"}}}");
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        long start = client.get("/events?limit=1").get("last_seq").asLong();
        long accountId = Sandbox.account(client, "ethereum").path("id").asLong();

        ApiResponse flagged = deposit(client, accountId, SANCTIONED_ETH.toLowerCase(Locale.ROOT));
        long flaggedId = flagged.id();
        JsonNode compliance = flagged.get("compliance");
        assertThat(compliance.path("risk").path("risk").asText()).isEqualTo("HIGH");
        JsonNode alert = compliance.path("risk").path("provider_details").path("chainalysis").get(0);
        assertThat(alert.path("risk").asText()).isEqualTo("Severe");
        assertThat(alert.path("exposure_type").asText()).isEqualTo("DIRECT");
        assertThat(alert.path("service").asText()).contains("OFAC SDN");
        assertThat(compliance.path("registration_ids").path("chainalysis").asText()).isNotBlank();
        assertThat(flagged.text("status")).isEqualTo("SUBMITTED");

        ApiResponse risky = deposit(client, accountId, RISKY_ETH);
        assertThat(risky.get("compliance").path("risk").path("provider_details").path("chainalysis").get(0)
                .path("risk").asText()).isEqualTo("High");
        ApiResponse clean = deposit(client, accountId, CLEAN_ETH);
        assertThat(clean.json().has("compliance")).isFalse();
        ApiResponse unnamed = client.post("/sandbox/accounts/" + accountId + "/deposits", Map.of("amount", "5"));
        assertThat(unnamed.json().has("compliance")).isFalse();

        // Stored: reads show the flag, and the deposit counts like any other once mined.
        ApiResponse read = client.get("/transactions/" + flaggedId);
        assertThat(read.get("compliance")).isEqualTo(compliance);
        Sandbox.mine(client, "ethereum", 12);
        ApiResponse search = client.get("/transactions?account=" + accountId);
        List<String> flags = new ArrayList<>();
        search.get("edges").forEach(edge -> flags.add(edge.path("node").path("id").asLong() + ":"
                + edge.path("node").path("compliance").path("risk").path("risk").asText("none")));
        assertThat(flags).containsExactlyInAnyOrder(flaggedId + ":HIGH", risky.id() + ":HIGH", clean.id() + ":none",
                unnamed.id() + ":none");
        assertThat(client.get("/transactions/" + flaggedId).text("status")).isEqualTo("CONFIRMED");

        // Announced: SCORED follows RECEIVED for the flagged deposits only, in the feed and on the webhook.
        List<String> events = new ArrayList<>();
        client.get("/events?after=" + start + "&limit=100").get("events").forEach(event -> events.add(
                event.path("event_type").asText() + " " + event.path("id").asLong()));
        assertThat(events).containsSubsequence(
                "NEW_TRANSACTION_HAS_BEEN_RECEIVED " + flaggedId, "NEW_TRANSACTION_HAS_BEEN_SCORED " + flaggedId,
                "NEW_TRANSACTION_HAS_BEEN_RECEIVED " + risky.id(), "NEW_TRANSACTION_HAS_BEEN_SCORED " + risky.id(),
                "NEW_TRANSACTION_HAS_BEEN_RECEIVED " + clean.id());
        assertThat(events.stream().filter(e -> e.startsWith("NEW_TRANSACTION_HAS_BEEN_SCORED"))).containsExactly(
                "NEW_TRANSACTION_HAS_BEEN_SCORED " + flaggedId, "NEW_TRANSACTION_HAS_BEEN_SCORED " + risky.id());
        ServerProcess.await(Duration.ofSeconds(60), "the scored events on the webhook", () -> receiver.accepted(path)
                .stream().filter(r -> r.json().path("event_type").asText().equals("NEW_TRANSACTION_HAS_BEEN_SCORED"))
                .count() == 2);
        assertThat(receiver.accepted(path).stream().filter(r -> r.json().path("event_type").asText()
                .equals("NEW_TRANSACTION_HAS_BEEN_SCORED")).map(r -> r.json().path("payload_type").asText() + " "
                + r.json().path("id").asLong())).containsExactlyInAnyOrder("TRANSACTION " + flaggedId, "TRANSACTION " + risky.id());
        assertThat(receiver.problems()).isEmpty();
    }

    private static ApiResponse deposit(ApiClient client, long accountId, String sender) {
        ApiResponse deposit = client.post("/sandbox/accounts/" + accountId + "/deposits", Map.of("amount", "1000",
                "sender", sender));
        assertThat(deposit.status()).as(deposit.raw()).isEqualTo(200);
        return deposit;
    }

    static Path write(String name, String text) {
        try {
            Path file = Engine.tempDir("lists").resolve(name);
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
