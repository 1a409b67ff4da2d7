package io.coffer.staking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Governed;
import io.coffer.testing.Sandbox;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The edges of staking through HTTP: stake searches page and filter, accounts that are unknown, of
 * another workspace or of another chain are 404 under a chain's path, staking requests that cannot
 * be carried out are 400s naming the field, and a rejected request gives everything back.
 */
abstract class StakingRulesCases extends StakingFixtures {

    static final String[] ALL_READS = {"/solana/accounts/%d/stakes", "/solana/accounts/%d/rewards",
        "/solana/accounts/%d/periodic-rewards", "/cardano/accounts/%d/stakes", "/cardano/accounts/%d/rewards",
        "/cardano/accounts/%d/periodic-rewards", "/ethereum/accounts/%d/stakes", "/ethereum/accounts/%d/rewards",
        "/tezos/accounts/%d/stakes", "/tezos/accounts/%d/rewards"};

    @Test
    void stakeSearchesPageAndFilter() {
        Setup s = setup("solana", SOL.multiply(BigInteger.valueOf(100)));
        ApiClient c = s.client();
        String validator = Sandbox.account(c, "solana").path("address").asText();
        List<Long> transactions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            transactions.add(stakeTx(s, "SOLANA_LIKE_STAKE_CREATE_DELEGATE", Map.of("amount",
                    SOL.multiply(BigInteger.valueOf(i + 1)).toString(), "max_fees", "5000", "validator", validator))
                    .path("id").asLong());
        }
        ApiResponse pending = c.post("/requests", staking(s.account(), "SOLANA_LIKE_STAKE_CREATE_DELEGATE", Map.of(
                "amount", SOL.toString(), "max_fees", "5000", "validator", validator)));
        assertThat(pending.status()).as(pending.raw()).isEqualTo(200);
        String base = "/solana/accounts/" + s.id() + "/stakes";

        JsonNode page = c.get(base + "?page_size=2").json();
        assertThat(page.path("page_info").path("count").asInt()).isEqualTo(4);
        assertThat(page.path("page_info").path("has_next_page").asBoolean()).isTrue();
        assertThat(page.path("edges")).hasSize(2);
        assertThat(page.path("edges").get(1).path("cursor").asInt()).isEqualTo(1);
        JsonNode second = c.get(base + "?page_size=2&page=2").json();
        assertThat(second.path("edges")).hasSize(2);
        assertThat(second.path("page_info").path("has_next_page").asBoolean()).isFalse();
        // Newest first by default; oldest first on request.
        assertThat(page.path("edges").get(0).path("node").path("status").asText()).isEqualTo("PENDING");
        JsonNode oldest = c.get(base + "?order=asc&page_size=1").json().path("edges").get(0).path("node");
        assertThat(oldest.path("creation_tx").asLong()).isEqualTo(transactions.get(0));

        assertThat(c.get(base + "?status=ACTIVE").json().path("page_info").path("count").asInt()).isEqualTo(3);
        assertThat(c.get(base + "?status=PENDING&status=ACTIVE").json().path("page_info").path("count").asInt())
                .isEqualTo(4);
        assertThat(c.get(base + "?status=DELETED").json().path("edges")).isEmpty();
        JsonNode byTx = c.get(base + "?creation_tx=" + transactions.get(1)).json();
        assertThat(byTx.path("edges")).hasSize(1);
        assertThat(byTx.path("edges").get(0).path("node").path("amount").asText()).isEqualTo(SOL.multiply(BigInteger.TWO)
                .toString());
        String uid = byTx.path("edges").get(0).path("node").path("stake_uid").asText();
        long id = byTx.path("edges").get(0).path("node").path("id").asLong();
        assertThat(c.get(base + "?stake_uid=" + uid).json().path("page_info").path("count").asInt()).isEqualTo(1);
        assertThat(c.get(base + "?id=" + id + "&account_id=" + s.id() + "&light=true").json().path("edges").get(0)
                .path("node").path("stake_uid").asText()).isEqualTo(uid);
        assertThat(c.get(base + "?created_after=2999-01-01T00:00:00Z").json().path("edges")).isEmpty();

        assertThat(c.get(base + "?status=SLEEPING").status()).isEqualTo(400);
        assertThat(c.get(base + "?account_id=" + (s.id() + 1)).status()).isEqualTo(400);
        assertThat(c.get(base + "?page=0").status()).isEqualTo(400);
        assertThat(c.get(base + "?colour=red").status()).isEqualTo(400);
    }

    @Test
    void unknownForeignAndWrongChainAccountsAreNotFound() {
        Setup eth = setup("ethereum", ETH);
        ApiClient c = eth.client();
        long solana = Sandbox.account(c, "solana").path("id").asLong();
        for (String read : ALL_READS) {
            assertThat(c.get(String.format(read, 999_999_999L)).status()).as(read).isEqualTo(404);
        }
        // An Ethereum account has no Solana, Cardano or Tezos stakes, and a Solana account no Ethereum ones.
        assertThat(c.get("/solana/accounts/" + eth.id() + "/stakes").status()).isEqualTo(404);
        assertThat(c.get("/tezos/accounts/" + eth.id() + "/rewards").status()).isEqualTo(404);
        assertThat(c.get("/cardano/accounts/" + eth.id() + "/periodic-rewards").status()).isEqualTo(404);
        assertThat(c.get("/ethereum/accounts/" + solana + "/stakes").status()).isEqualTo(404);
        assertThat(c.get("/ethereum/accounts/" + eth.id() + "/stakes").json()).isEmpty();
        assertThat(c.get("/ethereum/accounts/" + eth.id() + "/stakes/nope/rewards").status()).isEqualTo(404);
        assertThat(c.get("/solana/accounts/" + solana + "/stakes/nope/rewards").status()).isEqualTo(404);
        assertThat(c.get("/solana/accounts/" + solana + "/rewards?x=1").status()).isEqualTo(400);
        // Another workspace's account is not found either.
        Sandbox.Workspace other = Sandbox.workspace(server);
        for (String read : ALL_READS) {
            assertThat(other.client().get(String.format(read, read.contains("ethereum") ? eth.id() : solana)).status())
                    .as(read).isEqualTo(404);
        }
        // An operator the account's rules do not name cannot see it.
        JsonNode operator = Sandbox.apiUser(c, "OPERATOR", false);
        ApiClient op = Sandbox.legacyClient(server, eth.workspace(), operator);
        assertThat(op.get("/ethereum/accounts/" + eth.id() + "/stakes").status()).isEqualTo(404);
    }

    @Test
    void impossibleStakingRequestsAreRefusedWithTheField() {
        Setup s = setup("solana", SOL.multiply(BigInteger.TEN));
        ApiClient c = s.client();
        String validator = Sandbox.account(c, "solana").path("address").asText();
        JsonNode eth = Governed.account(c, "ethereum", List.of(Governed.step(1, s.admin())));
        assertRefused(c, staking(eth, "SOLANA_LIKE_STAKE_CREATE_DELEGATE", Map.of("amount", "5000000000", "max_fees",
                "5000", "validator", validator)), "solana account");
        assertRefused(c, staking(s.account(), "SOLANA_LIKE_STAKE_CREATE_DELEGATE", Map.of("amount", "5000000000",
                "max_fees", "4999", "validator", validator)), "max_fees");
        assertRefused(c, staking(s.account(), "SOLANA_LIKE_STAKE_CREATE_DELEGATE", Map.of("amount", "5000000000",
                "max_fees", "5000", "validator", "not-base58!")), "validator");
        assertRefused(c, staking(s.account(), "SOLANA_LIKE_STAKE_CREATE_DELEGATE", Map.of("amount", "1000",
                "max_fees", "5000", "validator", validator)), "rent-exempt");
        assertRefused(c, staking(s.account(), "SOLANA_LIKE_STAKE_CREATE_DELEGATE", Map.of("amount", "99000000000",
                "max_fees", "5000", "validator", validator)), "insufficient funds");
        assertRefused(c, staking(s.account(), "SOLANA_LIKE_STAKE_DEACTIVATE", Map.of("max_fees", "5000",
                "stake_uid", "nope")), "stake_uid");
        assertRefused(c, staking(s.account(), "SOLANA_LIKE_STAKE_CREATE_DELEGATE", Map.of("amount", "5000000000",
                "max_fees", "5000", "validator", validator, "colour", "red")), "colour");
        assertThat(available(c, s.id())).isEqualTo(SOL.multiply(BigInteger.TEN));
    }

    private static void assertRefused(ApiClient c, Map<String, Object> body, String naming) {
        ApiResponse refused = c.post("/requests", body);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.text("message")).contains(naming);
    }

    @Test
    void aRejectedStakeIsAbortedAndGivesEverythingBack() {
        BigInteger funds = SOL.multiply(BigInteger.TEN);
        Setup s = setup("solana", funds);
        ApiClient c = s.client();
        String validator = Sandbox.account(c, "solana").path("address").asText();
        ApiResponse created = c.post("/requests", staking(s.account(), "SOLANA_LIKE_STAKE_CREATE_DELEGATE", Map.of(
                "amount", "5000000000", "max_fees", "5000", "validator", validator)));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(available(c, s.id())).isEqualTo(funds.subtract(BigInteger.valueOf(5_000_005_000L)));
        ApiResponse rejected = Governed.reject(s.admin(), created.id());
        assertThat(rejected.status()).as(rejected.raw()).isEqualTo(200);
        assertThat(available(c, s.id())).isEqualTo(funds);
        JsonNode stake = c.get("/solana/accounts/" + s.id() + "/stakes").json().path("edges").get(0).path("node");
        assertThat(stake.path("status").asText()).isEqualTo("ABORTED");
        assertThat(c.get("/transactions/" + created.get("target_id").asLong()).text("status")).isEqualTo("REJECTED");
        assertThat(c.get("/requests/" + created.id()).text("status")).isEqualTo("REJECTED");
        assertThat(c.get("/transactions?type=STAKE_CREATE_DELEGATE&account=" + s.id()).json().path("page_info")
                .path("count").asInt()).isEqualTo(1);
        assertThat(c.get("/accounts/" + s.id() + "/balances").json().path("total_staked").asText()).isEqualTo("0");
        // POST /transactions/{id}/reject finds a staking transaction's request too.
        ApiResponse again = c.post("/requests", staking(s.account(), "SOLANA_LIKE_STAKE_CREATE_DELEGATE", Map.of(
                "amount", "1000000000", "max_fees", "5000", "validator", validator)));
        long againTx = again.get("target_id").asLong();
        assertThat(c.post("/transactions/" + againTx + "/reject", Map.of()).status()).isEqualTo(200);
        assertThat(c.get("/requests/" + again.id()).text("status")).isEqualTo("REJECTED");
        assertThat(c.get("/transactions/" + againTx + "/history").status()).isEqualTo(200);
        assertThat(available(c, s.id())).isEqualTo(funds);
        // A stake with a transaction pending takes no second one.
        JsonNode open = stakeTx(s, "SOLANA_LIKE_STAKE_CREATE_DELEGATE", Map.of("amount", "2000000000", "max_fees", "5000",
                "validator", validator));
        String uid = c.get("/solana/accounts/" + s.id() + "/stakes?creation_tx=" + open.path("id").asLong()).json()
                .path("edges").get(0).path("node").path("stake_uid").asText();
        assertThat(c.post("/requests", staking(s.account(), "SOLANA_LIKE_STAKE_DEACTIVATE", Map.of("max_fees", "5000",
                "stake_uid", uid))).status()).isEqualTo(200);
        assertRefused(c, staking(s.account(), "SOLANA_LIKE_STAKE_DEACTIVATE", Map.of("max_fees", "5000",
                "stake_uid", uid)), "pending");
        assertRefused(c, staking(s.account(), "SOLANA_LIKE_STAKE_WITHDRAW", Map.of("max_fees", "5000",
                "stake_uid", uid)), "DEACTIVATED");
    }
}
