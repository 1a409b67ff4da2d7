package io.coffer.nft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Parallel;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * NFTs and light tokens over real HTTP: sandbox mints, floor prices and SPL credits, read back
 * through the reference's account routes, each answer validated against the contract.
 */
abstract class NftApiCases extends ServerCases {

    static final String APES = "0xBC4CA0EdA7647A8aB7C2061c2E118A18a936f13D";
    static final String PASSES = "0x495f947276749Ce646f68AC8c248420045cb7b5e";
    static final String USDC_MINT = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
    static final String BONK_MINT = "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263";

    @Test
    void erc721AndErc1155MintsAreListedNewestFirstPageByPage() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        ApiClient admin = ws.client();
        long account = Sandbox.account(admin, "ethereum").path("id").asLong();

        JsonNode first = mint(admin, account, erc721(APES, "1")).json();
        assertThat(first.path("token_type").asText()).isEqualTo("ERC721");
        assertThat(first.path("value").bigIntegerValue()).isEqualTo(BigInteger.ONE);
        assertThat(first.has("price")).as("no floor price yet").isFalse();
        Map<String, Object> described = erc721(APES, "2");
        described.put("metadata", Map.of("name", "Ape #2", "media", "ipfs://QmApe2", "media_type", "image/png",
                "properties", List.of(Map.of("key", "fur", "value", "gold"), Map.of("key", "eyes", "value", "bored"))));
        JsonNode second = mint(admin, account, described).json();
        assertThat(second.path("metadata").path("tokenName").asText()).isEqualTo("Ape #2");
        assertThat(second.path("metadata").path("tokenId").asText()).isEqualTo("2");
        assertThat(second.path("metadata").path("medias").path("original").path("uri").asText()).isEqualTo("ipfs://QmApe2");
        assertThat(second.path("metadata").path("medias").path("original").path("mediaType").asText()).isEqualTo("image/png");
        assertThat(second.path("metadata").path("properties").get(1).path("value").asText()).isEqualTo("bored");
        mint(admin, account, erc721(APES, "3"));
        mint(admin, account, erc1155(PASSES, "7", "5"));
        JsonNode added = mint(admin, account, erc1155(PASSES, "7", "7")).json();
        assertThat(added.path("value").bigIntegerValue()).as("ERC-1155 amounts add up").isEqualTo(BigInteger.valueOf(12));
        String huge = "123456789012345678901234567890123456789";
        mint(admin, account, erc1155(PASSES, "115792089237316195423570985008687907853269984665640564039457584007913129639935",
                huge));

        ApiResponse page1 = admin.get("/accounts/" + account + "/nfts?page_size=2");
        assertThat(page1.status()).as(page1.raw()).isEqualTo(200);
        assertThat(page1.get("page_info").path("count").asInt()).isEqualTo(5);
        assertThat(page1.get("page_info").path("has_next_page").asBoolean()).isTrue();
        assertThat(tokenIds(page1)).containsExactly(
                "115792089237316195423570985008687907853269984665640564039457584007913129639935", "7");
        assertThat(page1.get("edges").get(0).path("node").path("value").bigIntegerValue()).isEqualTo(new BigInteger(huge));

        ApiResponse page2 = admin.get("/accounts/" + account + "/nfts?page=2&page_size=2");
        assertThat(tokenIds(page2)).containsExactly("3", "2");
        assertThat(page2.get("edges").get(0).path("cursor").asInt()).isZero();
        assertThat(page2.get("edges").get(1).path("cursor").asInt()).isEqualTo(1);
        assertThat(page2.get("page_info").path("has_next_page").asBoolean()).isTrue();
        assertThat(page2.get("edges").get(1).path("node").path("metadata").path("properties")).hasSize(2);

        ApiResponse page3 = admin.get("/accounts/" + account + "/nfts?page=3&page_size=2");
        assertThat(tokenIds(page3)).containsExactly("1");
        assertThat(page3.get("page_info").path("has_next_page").asBoolean()).isFalse();
        assertThat(page3.get("page_info").path("count").asInt()).isEqualTo(5);
        assertThat(page3.get("edges").get(0).path("node").has("metadata")).as("minted without metadata").isFalse();

        ApiResponse all = admin.get("/accounts/" + account + "/nfts");
        assertThat(all.get("edges")).as("default page size 10 holds all five").hasSize(5);
        assertThat(admin.get("/accounts/" + account + "/nfts?page=4&page_size=2").get("edges")).isEmpty();
        assertThat(admin.get("/accounts/" + account + "/nfts?page_size=0").get("edges")).as("0 means the largest page")
                .hasSize(5);
        assertThat(admin.get("/accounts/" + account + "/nfts?page_size=-1").get("edges")).hasSize(5);
    }

    @Test
    void collectionsAggregateWhatTheAccountHolds() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        ApiClient admin = ws.client();
        long account = Sandbox.account(admin, "ethereum").path("id").asLong();
        Map<String, Object> named = erc721(APES, "10");
        named.put("collection_name", "Bored Apes");
        mint(admin, account, named);
        mint(admin, account, erc721(APES.toLowerCase(), "11"));
        mint(admin, account, erc1155(PASSES, "1", "40"));
        mint(admin, account, erc1155(PASSES, "2", "2"));

        ApiResponse collections = admin.get("/accounts/" + account + "/nft-collections");
        assertThat(collections.status()).as(collections.raw()).isEqualTo(200);
        assertThat(collections.get("page_info").path("count").asInt()).isEqualTo(2);
        Map<String, JsonNode> byContract = new HashMap<>();
        collections.get("edges").forEach(edge -> byContract.put(edge.path("node").path("contract_address").asText(),
                edge.path("node")));
        assertThat(byContract).containsOnlyKeys(APES, PASSES);
        JsonNode apes = byContract.get(APES);
        assertThat(apes.path("name").asText()).isEqualTo("Bored Apes");
        assertThat(apes.path("token_balance").asInt()).as("the lowercase spelling is the same contract").isEqualTo(2);
        assertThat(apes.path("token_type").asText()).isEqualTo("ERC721");
        assertThat(apes.path("account_id").asLong()).isEqualTo(account);
        JsonNode passes = byContract.get(PASSES);
        assertThat(passes.path("token_balance").asInt()).isEqualTo(42);
        assertThat(passes.path("token_type").asText()).isEqualTo("ERC1155");
        assertThat(passes.has("name")).isFalse();

        ApiResponse second = admin.get("/accounts/" + account + "/nft-collections?page=2&page_size=1");
        assertThat(second.get("edges")).hasSize(1);
        assertThat(second.get("page_info").path("has_next_page").asBoolean()).isFalse();
        assertThat(second.get("edges").get(0).path("node").path("contract_address").asText())
                .isEqualTo(admin.get("/accounts/" + account + "/nft-collections").get("edges").get(1).path("node")
                        .path("contract_address").asText());
    }

    @Test
    void thePortfolioIsValuedExactlyAtTheFloorPricesSet() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        ApiClient admin = ws.client();
        long account = Sandbox.account(admin, "ethereum").path("id").asLong();
        for (int i = 1; i <= 3; i++) {
            mint(admin, account, erc721(APES, Integer.toString(i)));
        }
        mint(admin, account, erc1155(PASSES, "9", "1000000000000"));

        JsonNode unknown = portfolio(admin, account);
        assertThat(unknown.path("portfolio_value").path("eth_value").bigIntegerValue()).as("no floor price: no value")
                .isZero();
        assertThat(unknown.path("portfolio_value").has("usd_value")).isFalse();
        assertThat(unknown.path("token_quantity").bigIntegerValue()).isEqualTo(new BigInteger("1000000000003"));

        ApiResponse set = floorPrice(admin, APES, "ethereum", "50000000000000000");
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.text("floor_price")).isEqualTo("50000000000000000");
        assertThat(set.text("contract_address")).isEqualTo(APES);
        assertThat(portfolio(admin, account).path("portfolio_value").path("eth_value").bigIntegerValue())
                .isEqualTo(new BigInteger("150000000000000000"));
        JsonNode priced = admin.get("/accounts/" + account + "/nfts?page=2&page_size=1").get("edges").get(0).path("node");
        assertThat(priced.path("price").path("ticker").asText()).isEqualTo("ETH");
        assertThat(priced.path("price").path("value").decimalValue()).isEqualByComparingTo(new BigDecimal("0.05"));
        assertThat(priced.path("price").path("contract_address").asText()).isEqualTo(APES);

        assertThat(floorPrice(admin, PASSES, "ethereum", "1234567890123456789").status()).isEqualTo(200);
        BigInteger expected = new BigInteger("150000000000000000")
                .add(new BigInteger("1234567890123456789").multiply(new BigInteger("1000000000000")));
        assertThat(portfolio(admin, account).path("portfolio_value").path("eth_value").bigIntegerValue())
                .as("exact, far beyond 64 bits").isEqualTo(expected);
        // Every digit of the ETH price is written (the test's parser reads numbers as doubles: look at the text).
        assertThat(admin.get("/accounts/" + account + "/nfts?page_size=1").raw())
                .contains("\"value\":1.234567890123456789}");

        Map<String, Object> clear = new HashMap<>();
        clear.put("currency", "ethereum");
        clear.put("floor_price", null);
        ApiResponse cleared = admin.post("/sandbox/nft-collections/" + PASSES + "/floor-price", clear);
        assertThat(cleared.status()).as(cleared.raw()).isEqualTo(200);
        assertThat(cleared.json().has("floor_price")).isFalse();
        assertThat(portfolio(admin, account).path("portfolio_value").path("eth_value").bigIntegerValue())
                .isEqualTo(new BigInteger("150000000000000000"));

        assertThat(floorPrice(admin, APES, "polygon", "1").status()).as("POL is not ETH: no conversion").isEqualTo(400);
        assertThat(floorPrice(admin, APES, "bitcoin", "1").status()).isEqualTo(400);
        assertThat(floorPrice(admin, "0xnot-an-address", "ethereum", "1").status()).isEqualTo(400);
        assertThat(floorPrice(admin, APES, "ethereum", "-1").status()).isEqualTo(400);
        assertThat(admin.post("/sandbox/nft-collections/" + APES + "/floor-price", Map.of("currency", "ethereum"))
                .status()).isEqualTo(400);

        // Another account of the same workspace holds nothing of these collections: it is worth nothing.
        long empty = Sandbox.account(admin, "ethereum").path("id").asLong();
        JsonNode nothing = portfolio(admin, empty);
        assertThat(nothing.path("portfolio_value").path("eth_value").bigIntegerValue()).isZero();
        assertThat(nothing.path("token_quantity").bigIntegerValue()).isZero();
        assertThat(admin.get("/accounts/" + empty + "/nfts").get("edges")).isEmpty();
    }

    @Test
    void anErc721TokenIsHeldOnceAndABadMintChangesNothing() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        ApiClient admin = ws.client();
        long account = Sandbox.account(admin, "ethereum").path("id").asLong();
        long other = Sandbox.account(admin, "ethereum").path("id").asLong();
        mint(admin, account, erc721(APES, "42"));

        ApiResponse again = admin.post("/sandbox/accounts/" + account + "/nfts", erc721(APES, "42"));
        assertThat(again.status()).as(again.raw()).isEqualTo(400);
        ApiResponse elsewhere = admin.post("/sandbox/accounts/" + other + "/nfts", erc721(APES.toLowerCase(), "42"));
        assertThat(elsewhere.status()).as("once per contract in the workspace").isEqualTo(400);
        assertThat(elsewhere.text("message")).contains("already held");

        Map<String, Object> withAmount = erc721(APES, "43");
        withAmount.put("amount", "2");
        assertThat(admin.post("/sandbox/accounts/" + account + "/nfts", withAmount).status()).isEqualTo(400);
        assertThat(admin.post("/sandbox/accounts/" + account + "/nfts", erc1155(APES, "44", "1")).status())
                .as("an ERC-721 contract takes no ERC-1155 tokens").isEqualTo(400);
        // Refused at its last step (the token is held): the collection name it would have set is rolled back too.
        Map<String, Object> ghost = erc721(APES, "42");
        ghost.put("collection_name", "Ghosts");
        assertThat(admin.post("/sandbox/accounts/" + other + "/nfts", ghost).status()).isEqualTo(400);
        Map<String, Object> renamed = erc721(APES, "45");
        renamed.put("collection_name", "Apes");
        assertThat(mint(admin, account, renamed).status()).as("no name stuck from the refused mint").isEqualTo(200);
        Map<String, Object> conflicting = erc721(APES, "46");
        conflicting.put("collection_name", "Monkeys");
        assertThat(admin.post("/sandbox/accounts/" + account + "/nfts", conflicting).status()).isEqualTo(400);
        assertThat(admin.post("/sandbox/accounts/" + account + "/nfts", erc1155(PASSES, "1", "0")).status())
                .isEqualTo(400);
        assertThat(admin.post("/sandbox/accounts/" + account + "/nfts", erc721(APES,
                "115792089237316195423570985008687907853269984665640564039457584007913129639936")).status())
                .as("2^256 is not a uint256").isEqualTo(400);
        Map<String, Object> badStandard = erc721(APES, "47");
        badStandard.put("standard", "ERC20");
        assertThat(admin.post("/sandbox/accounts/" + account + "/nfts", badStandard).status()).isEqualTo(400);
        assertThat(admin.post("/sandbox/accounts/" + account + "/nfts", erc721("0xBC4CA0EdA7647A8aB7C2061c2E118A18a936f13d",
                "48")).status()).as("a wrong EIP-55 checksum").isEqualTo(400);

        // Only the two good mints are held, by the first account; the second holds nothing.
        assertThat(tokenIds(admin.get("/accounts/" + account + "/nfts"))).containsExactly("45", "42");
        assertThat(admin.get("/accounts/" + other + "/nfts").get("page_info").path("count").asInt()).isZero();

        long bitcoin = Sandbox.account(admin, "bitcoin").path("id").asLong();
        assertThat(admin.post("/sandbox/accounts/" + bitcoin + "/nfts", erc721(APES, "49")).status())
                .as("NFTs are held by EVM accounts").isEqualTo(404);
        long polygon = Sandbox.account(admin, "polygon").path("id").asLong();
        assertThat(mint(admin, polygon, erc721(APES, "42")).status())
                .as("the same contract address on another network is another contract").isEqualTo(200);
    }

    @Test
    void concurrentMintsKeepAnErc721TokenWithOneHolderAndAddUpErc1155Amounts() throws Exception {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        ApiClient admin = ws.client();
        List<Long> accounts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            accounts.add(Sandbox.account(admin, "ethereum").path("id").asLong());
        }
        List<ApiResponse> races = Parallel.calls(8, i -> admin.post("/sandbox/accounts/" + accounts.get(i % 4) + "/nfts",
                erc721(APES, "777")));
        assertThat(races.stream().filter(r -> r.status() == 200).count()).as("one mint wins").isEqualTo(1);
        assertThat(races.stream().filter(r -> r.status() == 400).count()).as("the others are refused").isEqualTo(7);
        long holders = accounts.stream().filter(id -> admin.get("/accounts/" + id + "/nfts").get("page_info")
                .path("count").asInt() == 1).count();
        assertThat(holders).isEqualTo(1);

        List<ApiResponse> adds = Parallel.calls(8, i -> admin.post("/sandbox/accounts/" + accounts.getFirst() + "/nfts",
                erc1155(PASSES, "5", "1000000000000000000000")));
        assertThat(adds).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isEqualTo(200));
        ApiResponse held = admin.get("/accounts/" + accounts.getFirst() + "/nft-collections");
        JsonNode passes = null;
        for (JsonNode edge : held.get("edges")) {
            if (edge.path("node").path("contract_address").asText().equals(PASSES)) {
                passes = edge.path("node");
            }
        }
        assertThat(passes).isNotNull();
        assertThat(passes.path("token_balance").bigIntegerValue()).isEqualTo(new BigInteger("8000000000000000000000"));
    }

    @Test
    void solanaAccountsListTheirLightTokenAccounts() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        ApiClient admin = ws.client();
        JsonNode solana = Sandbox.account(admin, "solana");
        long account = solana.path("id").asLong();
        assertThat(admin.get("/accounts/" + account + "/tokens").json()).isEmpty();

        ApiResponse credited = admin.post("/sandbox/accounts/" + account + "/light-tokens",
                Map.of("mint", USDC_MINT, "amount", "1000000", "ticker", "USDC"));
        assertThat(credited.status()).as(credited.raw()).isEqualTo(200);
        assertThat(credited.text("associated_token_account"))
                .isEqualTo(AssociatedTokenAddress.of(solana.path("address").asText(), USDC_MINT));
        assertThat(admin.post("/sandbox/accounts/" + account + "/light-tokens",
                Map.of("mint", USDC_MINT, "amount", "500")).status()).isEqualTo(200);
        assertThat(admin.post("/sandbox/accounts/" + account + "/light-tokens",
                Map.of("mint", BONK_MINT, "amount", "18446744073709551615", "ticker", "BONK",
                        "account_name", "treasury bonk")).status()).isEqualTo(200);

        ApiResponse tokens = admin.get("/accounts/" + account + "/tokens");
        assertThat(tokens.status()).as(tokens.raw()).isEqualTo(200);
        assertThat(tokens.json()).hasSize(2);
        JsonNode usdc = tokens.json().get(0);
        assertThat(usdc.path("contract_address").asText()).isEqualTo(USDC_MINT);
        assertThat(usdc.path("available").asLong()).isEqualTo(1_000_500L);
        assertThat(usdc.path("pending").asLong()).isZero();
        assertThat(usdc.path("parent_id").asLong()).isEqualTo(account);
        assertThat(usdc.path("ticker").asText()).isEqualTo("USDC");
        assertThat(usdc.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(usdc.path("account_name").asText()).isEqualTo(solana.path("name").asText() + " USDC");
        assertThat(usdc.path("creation_transaction_hash").asText()).matches("[1-9A-HJ-NP-Za-km-z]{80,90}");
        JsonNode bonk = tokens.json().get(1);
        assertThat(bonk.path("available").bigIntegerValue()).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(bonk.path("account_name").asText()).isEqualTo("treasury bonk");

        ApiResponse overflow = admin.post("/sandbox/accounts/" + account + "/light-tokens",
                Map.of("mint", BONK_MINT, "amount", "1"));
        assertThat(overflow.status()).as("SPL amounts are u64").isEqualTo(400);
        assertThat(admin.post("/sandbox/accounts/" + account + "/light-tokens",
                Map.of("mint", USDC_MINT, "amount", "1", "ticker", "USDT")).status()).isEqualTo(400);
        assertThat(admin.post("/sandbox/accounts/" + account + "/light-tokens",
                Map.of("mint", "So1anaIsNotBase58!", "amount", "1", "ticker", "X")).status()).isEqualTo(400);
        assertThat(admin.post("/sandbox/accounts/" + account + "/light-tokens",
                Map.of("mint", "4zMMC9srt5Ri5X14GAgXhaHii3GnPAEERYPJgZJDncDU", "amount", "1")).status())
                .as("the first credit names the ticker").isEqualTo(400);
        assertThat(admin.get("/accounts/" + account + "/tokens").json().get(1).path("available").bigIntegerValue())
                .as("refused credits change nothing").isEqualTo(new BigInteger("18446744073709551615"));

        long ethereum = Sandbox.account(admin, "ethereum").path("id").asLong();
        assertThat(admin.get("/accounts/" + ethereum + "/tokens").status()).as("no light tokens outside Solana")
                .isEqualTo(404);
        assertThat(admin.post("/sandbox/accounts/" + ethereum + "/light-tokens",
                Map.of("mint", USDC_MINT, "amount", "1", "ticker", "USDC")).status()).isEqualTo(404);
        for (String route : List.of("/nfts", "/nft-collections", "/nft-portfolio")) {
            assertThat(admin.get("/accounts/" + account + route).status()).as("no NFTs on Solana: " + route)
                    .isEqualTo(404);
        }
    }

    @Test
    void whoMayNotSeeTheAccountGetsA404AndOperatorsCannotMint() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        ApiClient admin = ws.client();
        long account = Sandbox.account(admin, "ethereum").path("id").asLong();
        long solana = Sandbox.account(admin, "solana").path("id").asLong();
        mint(admin, account, erc721(APES, "1"));
        ApiClient operator = Sandbox.bearerClient(server, ws.name(), Sandbox.apiUser(admin, "OPERATOR", false));
        ApiClient auditor = Sandbox.bearerClient(server, ws.name(), Sandbox.apiUser(admin, "OPERATOR", true));
        ApiClient stranger = Sandbox.workspace(server).client();

        for (String route : List.of("/nfts", "/nft-collections", "/nft-portfolio")) {
            assertThat(operator.get("/accounts/" + account + route).status()).as(route).isEqualTo(404);
            assertThat(stranger.get("/accounts/" + account + route).status()).as(route).isEqualTo(404);
            assertThat(auditor.get("/accounts/" + account + route).status()).as(route).isEqualTo(200);
            assertThat(admin.get("/accounts/999999999" + route).status()).as(route).isEqualTo(404);
        }
        assertThat(operator.get("/accounts/" + solana + "/tokens").status()).isEqualTo(404);
        assertThat(stranger.get("/accounts/" + solana + "/tokens").status()).isEqualTo(404);
        assertThat(auditor.get("/accounts/" + solana + "/tokens").status()).isEqualTo(200);
        assertThat(auditor.get("/accounts/" + account + "/nfts").get("page_info").path("count").asInt()).isEqualTo(1);

        assertThat(operator.post("/sandbox/accounts/" + account + "/nfts", erc721(APES, "2")).status()).isEqualTo(403);
        assertThat(auditor.post("/sandbox/nft-collections/" + APES + "/floor-price",
                Map.of("currency", "ethereum", "floor_price", "1")).status()).isEqualTo(403);
        assertThat(auditor.post("/sandbox/accounts/" + solana + "/light-tokens",
                Map.of("mint", USDC_MINT, "amount", "1", "ticker", "USDC")).status()).isEqualTo(403);
        assertThat(stranger.post("/sandbox/accounts/" + account + "/nfts", erc721(APES, "2")).status())
                .as("another workspace's account does not exist").isEqualTo(404);
        // The stranger's floor price is for its own workspace's collection: ours stays unpriced.
        assertThat(stranger.post("/sandbox/nft-collections/" + APES + "/floor-price",
                Map.of("currency", "ethereum", "floor_price", "7")).status()).isEqualTo(200);
        assertThat(portfolio(admin, account).path("portfolio_value").path("eth_value").bigIntegerValue()).isZero();
        assertThat(tokenIds(admin.get("/accounts/" + account + "/nfts"))).containsExactly("1");
    }

    @Test
    void badPagingIsA400() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        ApiClient admin = ws.client();
        long account = Sandbox.account(admin, "ethereum").path("id").asLong();
        for (String route : List.of("/nfts", "/nft-collections")) {
            for (String query : List.of("page=0", "page=-1", "page=x", "page_size=101", "page_size=-2", "page_size=1.5",
                    "page_size=abc", "order=asc", "page=1&page=2")) {
                ApiResponse bad = admin.get("/accounts/" + account + route + "?" + query);
                assertThat(bad.status()).as(route + "?" + query + ": " + bad.raw()).isEqualTo(400);
            }
            assertThat(admin.get("/accounts/" + account + route + "?page_size=100").status()).isEqualTo(200);
            assertThat(admin.get("/accounts/" + account + route + "?page=3&page_size=1").status()).isEqualTo(200);
        }
        assertThat(admin.get("/accounts/abc/nfts").status()).isEqualTo(400);
    }

    private static ApiResponse mint(ApiClient client, long account, Map<String, Object> body) {
        ApiResponse minted = client.post("/sandbox/accounts/" + account + "/nfts", body);
        assertThat(minted.status()).as(minted.raw()).isEqualTo(200);
        return minted;
    }

    private static ApiResponse floorPrice(ApiClient client, String contract, String currency, String wei) {
        return client.post("/sandbox/nft-collections/" + contract + "/floor-price",
                Map.of("currency", currency, "floor_price", wei));
    }

    private static JsonNode portfolio(ApiClient client, long account) {
        ApiResponse portfolio = client.get("/accounts/" + account + "/nft-portfolio");
        assertThat(portfolio.status()).as(portfolio.raw()).isEqualTo(200);
        return portfolio.json();
    }

    static Map<String, Object> erc721(String contract, String tokenId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contract_address", contract);
        body.put("token_id", tokenId);
        body.put("standard", "ERC721");
        return body;
    }

    static Map<String, Object> erc1155(String contract, String tokenId, String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contract_address", contract);
        body.put("token_id", tokenId);
        body.put("standard", "ERC1155");
        body.put("amount", amount);
        return body;
    }

    private static List<String> tokenIds(ApiResponse page) {
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.get("edges").forEach(edge -> ids.add(edge.path("node").path("token_id").asText()));
        return ids;
    }
}
