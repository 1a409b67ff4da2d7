package io.coffer.contract;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the Ledger Enterprise API answers a 200 on a seeded workspace, and each of those
 * answers validates against Coffer's document and, where the shared folder is present, against the
 * reference spec itself.
 */
class ApiCoverageTest extends ServerCases {

    static final String ETH_RECIPIENT = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    static final String USDT = "0xdAC17F958D2ee523a2206206994597C13D831ec7";

    private final TreeSet<String> covered = new TreeSet<>();
    private final List<String> problems = new ArrayList<>();
    private final Optional<ContractValidator> reference = OpenApiDocuments.reference()
            .map(path -> new ContractValidator(OpenApiDocuments.load(path)));

    @Override
    protected Engine engine() {
        return Engine.H2;
    }

    @Test
    void everyOperationOfTheApiAnswersAValidatedSuccess() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        ApiClient a = admin.client();
        Approver operator = Governed.operator(server, ws[0], a);
        coverBasics(a, ws[0], admin);
        coverAccountsAndTransactions(a, admin, operator);
        coverCompliance(a);
        coverNftsAndLightTokens(a);
        coverSigning(admin);
        coverTradeLink(admin, operator);
        coverStaking(admin, ws[0]);

        TreeSet<String> expected = referenceOperations();
        assertThat(expected).as("the API has 85 operations").hasSize(85);
        TreeSet<String> missing = new TreeSet<>(expected);
        missing.removeAll(covered);
        assertThat(problems).as("answers that broke the reference spec").isEmpty();
        assertThat(missing).as("operations never answered with a validated 200").isEmpty();
    }

    private void coverBasics(ApiClient a, String workspace, Approver admin) {
        ApiResponse token = ok(server.anonymous().with("X-Ledger-Workspace", workspace), "POST", "/auth/token",
                Map.of("api_key_id", admin.user().path("api_key_id").asText(),
                        "api_key_secret", admin.user().path("api_key_secret").asText()));
        ok(server.anonymous().with("X-Ledger-Workspace", workspace), "POST", "/auth/token/refresh",
                Map.of("refresh_token", token.text("refresh_token")));
        ok(a, "GET", "/certificates/chain", null);
        ok(a, "GET", "/currencies", null);
        ok(a, "GET", "/currencies/tokens", null);
        ok(a, "GET", "/currencies/ethereum", null);
        ok(a, "GET", "/currencies/ethereum/tokens/" + USDT, null);
        ok(a, "GET", "/currencies/ethereum/" + ETH_RECIPIENT, null);
        ok(a, "GET", "/organization", null);
        ok(a, "PUT", "/notifications/configuration", Map.of("all", Map.of("webhook", Map.of(
                "url", "http://127.0.0.1:9/coffer", "secret", "s3cret-s3cret-s3cret"))));
        ok(a, "GET", "/notifications/configuration", null);
        long me = admin.id();
        ok(a, "GET", "/users", null);
        ok(a, "GET", "/users/" + me, null);
        ok(a, "GET", "/users/" + me + "/history", null);
    }

    private void coverAccountsAndTransactions(ApiClient a, Approver admin, Approver operator) {
        JsonNode eth = Governed.account(a, "ethereum", List.of(Governed.step(1, admin)));
        long ethId = eth.path("id").asLong();
        JsonNode deposit = Sandbox.deposit(a, ethId, BigInteger.TEN.pow(21).toString());
        Map<String, Object> child = new LinkedHashMap<>();
        child.put("name", Sandbox.uniqueName("usdt"));
        child.put("currency", "ethereum");
        child.put("parent", ethId);
        child.put("contract_address", USDT);
        Sandbox.account(a, child);
        JsonNode btc = Sandbox.account(a, "bitcoin");
        long btcId = btc.path("id").asLong();
        Sandbox.deposit(a, btcId, "100000000");
        Sandbox.mine(a, "bitcoin", 6);
        Sandbox.mine(a, "ethereum", 12);

        long label = ok(a, "POST", "/sandbox/labels", Map.of("name", Sandbox.uniqueName("label"))).id();
        a.post("/sandbox/accounts/" + ethId + "/labels", Map.of("label_id", label));
        a.post("/sandbox/transactions/" + deposit.path("id").asLong() + "/labels", Map.of("label_id", label));
        long group = ok(a, "POST", "/sandbox/groups", Map.of("name", Sandbox.uniqueName("group"), "members",
                List.of(operator.id()))).id();
        long entity = ok(a, "POST", "/sandbox/entities", Map.of("name", Sandbox.uniqueName("entity"), "accounts",
                List.of(btcId))).id();
        long whitelist = ok(a, "POST", "/sandbox/whitelists", Map.of("name", Sandbox.uniqueName("wl"), "addresses",
                List.of(Map.of("name", "recipient", "currency", "ethereum", "address", ETH_RECIPIENT)))).id();

        for (String path : List.of("/accounts", "/accounts/" + ethId, "/accounts/" + ethId + "/address",
                "/accounts/" + btcId + "/address/0?type=receive", "/accounts/" + btcId + "/addresses",
                "/accounts/" + btcId + "/addresses/0", "/accounts/" + ethId + "/balances",
                "/accounts/" + ethId + "/balances/history", "/accounts/" + ethId + "/currency",
                "/accounts/" + ethId + "/history", "/accounts/" + ethId + "/labels", "/accounts/" + ethId + "/sync",
                "/accounts/" + ethId + "/erc20-children-accounts", "/labels", "/labels/" + label, "/groups",
                "/groups/" + group, "/groups/" + group + "/history", "/entities", "/entities/" + entity,
                "/entities/" + entity + "/history", "/entities/" + entity + "/users", "/whitelists",
                "/whitelists/" + whitelist, "/whitelists/" + whitelist + "/history")) {
            ok(a, "GET", path, null);
        }

        Map<String, Object> send = Governed.send(eth, "ETHEREUM_LIKE_SEND", "1000", ETH_RECIPIENT, "1000000000000000",
                Governed.speed("NORMAL"));
        ok(a, "POST", "/transactions/estimate-fees", send);
        JsonNode approved = ok(a, "POST", "/requests", send).json();
        long requestId = approved.path("id").asLong();
        ok(a, "GET", "/requests", null);
        ok(a, "GET", "/requests/" + requestId, null);
        ok(a, "GET", "/requests/" + requestId + "/governance-status", null);
        ok(a, "GET", "/requests/" + requestId + "/challenge/reject", null);
        ApiResponse challenge = ok(a, "GET", "/requests/" + requestId + "/challenge", null);
        ok(a, "POST", "/requests/" + requestId + "/approve", Map.of("jws", admin.key().sign(challenge.text("challenge"))));
        long sent = approved.path("target_id").asLong();
        ok(a, "GET", "/transactions", null);
        ok(a, "GET", "/transactions/" + sent, null);
        ok(a, "GET", "/transactions/" + sent + "/history", null);
        ok(a, "GET", "/transactions/" + deposit.path("id").asLong() + "/labels", null);

        JsonNode second = ok(a, "POST", "/requests", send).json();
        ApiResponse reject = ok(a, "GET", "/requests/" + second.path("id").asLong() + "/challenge/reject", null);
        ok(a, "POST", "/requests/" + second.path("id").asLong() + "/reject",
                Map.of("jws", admin.key().sign(reject.text("challenge"))));
        JsonNode third = ok(a, "POST", "/requests", send).json();
        ok(a, "POST", "/transactions/" + third.path("target_id").asLong() + "/reject", null);
    }

    private void coverCompliance(ApiClient a) {
        String sanctioned = "0x01e2919679362dFBC9ee1644Ba9C6da6D6245BB1";
        assertThat(ok(a, "GET", "/compliance/sanctions/" + sanctioned, null).raw()).containsIgnoringCase(sanctioned);
        ok(a, "GET", "/compliance/address-risk/" + sanctioned, null);
    }

    private void coverNftsAndLightTokens(ApiClient a) {
        long eth = Sandbox.account(a, "ethereum").path("id").asLong();
        String contract = "0xBC4CA0EdA7647A8aB7C2061c2E118A18a936f13D";
        ok(a, "POST", "/sandbox/accounts/" + eth + "/nfts", Map.of("contract_address", contract, "token_id", "42",
                "standard", "ERC721", "collection_name", "Apes"));
        ok(a, "POST", "/sandbox/nft-collections/" + contract + "/floor-price",
                Map.of("currency", "ethereum", "floor_price", "50000000000000000"));
        assertThat(ok(a, "GET", "/accounts/" + eth + "/nfts", null).raw()).contains(contract);
        assertThat(ok(a, "GET", "/accounts/" + eth + "/nft-collections", null).raw()).contains("Apes");
        assertThat(ok(a, "GET", "/accounts/" + eth + "/nft-portfolio", null).raw()).contains("50000000000000000");
        long sol = Sandbox.account(a, "solana").path("id").asLong();
        ok(a, "POST", "/sandbox/accounts/" + sol + "/light-tokens", Map.of("mint",
                "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v", "amount", "1000000", "ticker", "USDC"));
        assertThat(ok(a, "GET", "/accounts/" + sol + "/tokens", null).raw()).contains("1000000");
    }

    private void coverSigning(Approver admin) {
        ApiClient a = admin.client();
        JsonNode eth = Governed.account(a, "ethereum", List.of(Governed.step(1, admin)));
        long ethId = eth.path("id").asLong();
        JsonNode message = ok(a, "POST", "/requests", Map.of("type", "CREATE_MESSAGE_SIGNING", "data", Map.of(
                "account_id", ethId, "message_type", "EIP-191", "message_data", Map.of(
                        "account_name", eth.path("name").asText(), "raw_message", "Hello World!")))).json();
        approve(admin, message.path("id").asLong());
        long messageId = message.path("target_id").asLong();
        ok(a, "GET", "/messages", null);
        assertThat(ok(a, "GET", "/messages/" + messageId, null).json().path("status").asText()).isEqualTo("SIGNED");
        ok(a, "GET", "/messages/" + messageId + "/history", null);
        JsonNode digests = ok(a, "POST", "/requests", Map.of("type", "SIGN_DIGESTS", "data", Map.of(
                "account_id", ethId, "digests", List.of(Map.of(
                        "digest", "66f3edaac1be84dd837d5c6ded42ed61c69a4fc0e7eef48b78f68f53d5f4a5bf"))))).json();
        approve(admin, digests.path("id").asLong());
        long digestsId = digests.path("target_id").asLong();
        ok(a, "GET", "/digests", null);
        assertThat(ok(a, "GET", "/digests/" + digestsId, null).json().path("status").asText()).isEqualTo("SIGNED");
        ok(a, "GET", "/digests/" + digestsId + "/history", null);
    }

    private void coverTradeLink(Approver admin, Approver operator) {
        ApiClient a = admin.client();
        JsonNode account = Governed.account(a, "ethereum", List.of(Governed.step(1, admin)));
        long accountId = account.path("id").asLong();
        Sandbox.deposit(a, accountId, BigInteger.TEN.pow(19).toString());
        Sandbox.mine(a, "ethereum", 12);
        long exchangeAccount = Sandbox.account(a, "ethereum").path("id").asLong();
        long group = ok(a, "POST", "/sandbox/groups", Map.of("name", Sandbox.uniqueName("desk"), "members",
                List.of(operator.id()))).id();
        long whitelist = ok(a, "POST", "/sandbox/whitelists", Map.of("name", Sandbox.uniqueName("wl"), "addresses",
                List.of(Map.of("name", "desk", "currency", "ethereum", "address", ETH_RECIPIENT)))).id();
        String manager = ok(a, "POST", "/sandbox/tradelink/asset-managers", Map.of("name", "Fund", "code", "F1",
                "approver_group_id", group, "whitelist_id", whitelist)).json().path("id").asText();
        String exchangeName = Sandbox.uniqueName("exchange");
        String exchange = ok(a, "POST", "/sandbox/tradelink/exchanges", Map.of("name", exchangeName, "code", "X1",
                "approver_group_id", group, "whitelist_id", whitelist)).json().path("id").asText();
        JsonNode pledge = ok(a, "POST", "/sandbox/pledges", Map.of("account_id", accountId, "asset_manager_id",
                Long.parseLong(manager), "exchange_id", Long.parseLong(exchange), "settlement_account_id",
                exchangeAccount, "amount", BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(3)).toString())).json();
        String pledgeId = pledge.path("id").asText();
        Map<String, Object> increment = new LinkedHashMap<>();
        increment.put("account_name", account.path("name").asText());
        increment.put("amount", BigInteger.TEN.pow(18).toString());
        increment.put("currency", "ethereum");
        increment.put("exchange_name", exchangeName);
        JsonNode raise = ok(a, "POST", "/requests", Map.of("type", "CREATE_PLEDGE_INCREMENT", "data", Map.of(
                "pledge_subaccount_id", pledge.path("pledge_subaccount_id").asLong(), "pledge_data", increment))).json();
        approve(admin, raise.path("id").asLong());
        assertThat(ok(a, "GET", "/pledges", null).raw()).contains(pledgeId);
        assertThat(ok(a, "GET", "/pledges/" + pledgeId, null).json().path("state").asText()).isEqualTo("PLEDGE_READY");

        ok(a, "POST", "/sandbox/networks/ethereum/settings", Map.of("failure_rate", 1));
        String failed = java.util.UUID.randomUUID().toString();
        ok(a, "POST", "/settlements", Map.of("id", failed, "from_pledge_id", pledgeId, "meta", Map.of(),
                "outbound_transaction_intent", Map.of("amount", BigInteger.TEN.pow(18).toString())));
        ok(a, "POST", "/settlements/" + failed + "/cancel", null);
        ok(a, "POST", "/sandbox/networks/ethereum/settings", Map.of("failure_rate", 0));
        String settled = java.util.UUID.randomUUID().toString();
        ok(a, "POST", "/settlements", Map.of("id", settled, "from_pledge_id", pledgeId, "meta", Map.of("desk", "otc"),
                "outbound_transaction_intent", Map.of("amount", BigInteger.TEN.pow(18).toString())));
        ok(a, "POST", "/settlements/" + settled + "/recover", Map.of("fee_strategy", Map.of("type", "SPEED", "data",
                Map.of("speed", "FAST")), "max_fee", "100000000000000000"));
        ok(a, "GET", "/settlements", null);
        ok(a, "GET", "/settlements/" + settled, null);
        ok(a, "GET", "/requests?target_type=PLEDGE_INCREMENT", null);
    }

    private void coverStaking(Approver admin, String workspace) {
        ApiClient a = admin.client();
        String pool = "pool1" + "qpzry9x8gf2tvdw0s3jn54khce6mua7l".repeat(2).substring(0, 51);
        long eth = stake(admin, "ethereum", "100000000000000000000", "ETHEREUM_LIKE_STAKE",
                Map.of("amount", "32000000000000000000", "max_fees", "3000000000000000"));
        long sol = stake(admin, "solana", "100000000000", "SOLANA_LIKE_STAKE_CREATE_DELEGATE", Map.of("amount",
                "50000000000", "max_fees", "5000", "validator", Sandbox.account(a, "solana").path("address").asText()));
        long xtz = stake(admin, "tezos", "1000000000", "TEZOS_LIKE_DELEGATE", Map.of("amount", "600000000",
                "max_fees", "1420", "validator", Sandbox.account(a, "tezos").path("address").asText()));
        long ada = stake(admin, "cardano", "100000000000", "CARDANO_LIKE_STAKING_DELEGATE", Map.of("amount",
                "50000000000", "max_fees", "200000", "validator", pool));
        ok(a, "POST", "/sandbox/clock", Map.of("advance_seconds", 11 * 86_400));
        // Eleven days outlive the access token; the legacy headers are checked on every call instead.
        a = Sandbox.legacyClient(server, workspace, admin.user());

        String ethUid = ok(a, "GET", "/ethereum/accounts/" + eth + "/stakes", null).json().get(0).path("uid").asText();
        assertThat(ok(a, "GET", "/ethereum/accounts/" + eth + "/rewards", null).json().size()).isPositive();
        ok(a, "GET", "/ethereum/accounts/" + eth + "/stakes/" + ethUid + "/rewards", null);
        for (var chain : List.of(Map.entry("solana", sol), Map.entry("cardano", ada))) {
            String base = "/" + chain.getKey() + "/accounts/" + chain.getValue();
            String uid = ok(a, "GET", base + "/stakes", null).json().path("edges").get(0).path("node")
                    .path("stake_uid").asText();
            assertThat(ok(a, "GET", base + "/rewards", null).json().size()).isPositive();
            ok(a, "GET", base + "/stakes/" + uid + "/rewards", null);
            ok(a, "GET", base + "/periodic-rewards", null);
        }
        ok(a, "GET", "/tezos/accounts/" + xtz + "/stakes", null);
        assertThat(ok(a, "GET", "/tezos/accounts/" + xtz + "/rewards", null).json().size()).isPositive();
        ok(a, "GET", "/accounts/" + sol + "/balances", null);
    }

    /** A funded account of the currency with one confirmed staking transaction; answers its id. */
    private long stake(Approver admin, String currency, String funds, String type, Map<String, Object> fields) {
        ApiClient a = admin.client();
        JsonNode account = Governed.account(a, currency, List.of(Governed.step(1, admin)));
        long id = account.path("id").asLong();
        Sandbox.deposit(a, id, funds);
        Sandbox.mine(a, currency, 40);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("account_name", account.path("name").asText());
        data.put("currency", currency);
        data.putAll(fields);
        JsonNode request = ok(a, "POST", "/requests", Map.of("type", "CREATE_TRANSACTION", "data", Map.of(
                "account_id", id, "transaction_type", type, "transaction_data", data))).json();
        approve(admin, request.path("id").asLong());
        Sandbox.mine(a, currency, 40);
        assertThat(ok(a, "GET", "/transactions/" + request.path("target_id").asLong(), null).json().path("status")
                .asText()).isEqualTo("CONFIRMED");
        return id;
    }

    private void approve(Approver approver, long requestId) {
        ApiResponse challenge = ok(approver.client(), "GET", "/requests/" + requestId + "/challenge", null);
        ok(approver.client(), "POST", "/requests/" + requestId + "/approve",
                Map.of("jws", approver.key().sign(challenge.text("challenge"))));
    }

    /** Sends a call that must succeed, checks it against the reference and records its operation. */
    private ApiResponse ok(ApiClient client, String method, String path, Object body) {
        ApiResponse response = client.send(method, path, body == null ? null : ApiClient.json(body));
        assertThat(response.status()).as(method + " " + path + ": " + response.raw()).isEqualTo(200);
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Optional<String> operation = ContractValidator.coffer().template(method, bare)
                .filter(template -> !isExtension(method, template));
        if (operation.isEmpty()) {
            return response;
        }
        covered.add(method + " " + operation.get());
        reference.ifPresent(validator -> {
            boolean json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
            List<String> errors = json ? validator.validate(method, bare, 200, response.json())
                    : validator.validateMediaType(method, bare, 200,
                            response.headers().firstValue("Content-Type").orElse(""));
            errors.forEach(error -> problems.add(method + " " + path + ": " + error));
        });
        return response;
    }

    private static boolean isExtension(String method, String template) {
        return OpenApiDocuments.coffer().path("paths").path(template).path(method.toLowerCase())
                .path("x-coffer-extension").asBoolean(false);
    }

    /** The API's operations: the reference's when present, otherwise the non-extension ones of Coffer's document. */
    private static TreeSet<String> referenceOperations() {
        JsonNode document = OpenApiDocuments.reference().map(OpenApiDocuments::load).orElse(OpenApiDocuments.coffer());
        TreeSet<String> operations = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (List.of("get", "post", "put", "delete", "patch").contains(method.getKey())
                    && !method.getValue().path("x-coffer-extension").asBoolean(false)) {
                operations.add(method.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        return operations;
    }
}
