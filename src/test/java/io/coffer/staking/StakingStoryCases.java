package io.coffer.staking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Governed;
import io.coffer.testing.Sandbox;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The staking story of each chain through HTTP, on the workspace clock: a governed request stakes,
 * blocks confirm it, the clock passes period ends and rewards are paid exactly, the stake is closed
 * and the funds come back; every balance is checked to the base unit, and every answer is
 * validated against the contract by the test client.
 */
abstract class StakingStoryCases extends StakingFixtures {

    @Test
    void solanaStakeEarnsEpochRewardsThenDeactivatesAndWithdrawsExactly() {
        BigInteger funds = SOL.multiply(BigInteger.TEN);
        Setup s = setup("solana", funds);
        ApiClient c = s.client();
        String validator = Sandbox.account(c, "solana").path("address").asText();
        setRate(c, "solana", 1_000);
        BigInteger amount = SOL.multiply(BigInteger.valueOf(5));
        BigInteger fee = BigInteger.valueOf(5_000);

        // The request reserves amount + fee at once; the stake exists as PENDING.
        ApiResponse created = c.post("/requests", staking(s.account(), "SOLANA_LIKE_STAKE_CREATE_DELEGATE",
                Map.of("amount", amount.toString(), "max_fees", "5000", "validator", validator)));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(available(c, s.id())).isEqualTo(funds.subtract(amount).subtract(fee));
        JsonNode pending = c.get("/solana/accounts/" + s.id() + "/stakes").get("edges").get(0).path("node");
        assertThat(pending.path("status").asText()).isEqualTo("PENDING");
        assertThat(pending.path("creation_tx").asLong()).isEqualTo(created.get("target_id").asLong());
        assertThat(pending.path("last_request").asLong()).isEqualTo(created.id());
        JsonNode tx = c.get("/transactions/" + created.get("target_id").asLong()).json();
        assertThat(tx.path("type").asText()).isEqualTo("STAKE_CREATE_DELEGATE");
        assertThat(tx.path("status").asText()).isEqualTo("PENDING_APPROVAL");

        // Approved: broadcast, the stake is activating; confirmed: active, the amount has left.
        assertThat(Governed.approve(s.admin(), created.id()).text("status")).isEqualTo("SUBMITTED");
        JsonNode balances = c.get("/accounts/" + s.id() + "/balances").json();
        assertThat(balances.path("activating").asText()).isEqualTo(amount.toString());
        assertThat(balances.path("total_staked").asText()).isEqualTo(amount.toString());
        Sandbox.mine(c, "solana", 40);
        JsonNode stake = c.get("/solana/accounts/" + s.id() + "/stakes").get("edges").get(0).path("node");
        assertThat(stake.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(stake.path("blockchain_state").path("status").asText()).isEqualTo("activated");
        assertThat(stake.path("blockchain_state").path("active_balance").asText()).isEqualTo(amount.subtract(RENT).toString());
        assertThat(stake.path("validator").asText()).isEqualTo(validator);
        balances = c.get("/accounts/" + s.id() + "/balances").json();
        assertThat(balances.path("delegated").asText()).isEqualTo(amount.toString());
        assertThat(balances.path("activating").asText()).isEqualTo("0");
        assertThat(available(c, s.id())).isEqualTo(funds.subtract(amount).subtract(fee));
        assertThat(c.get("/accounts/" + s.id() + "/balances/history").status()).isEqualTo(501);

        // Three epochs pass: each epoch end pays exactly, rewards credit the account.
        Instant activated = instant(stake.path("blockchain_state").path("activation_date"));
        String uid = stake.path("stake_uid").asText();
        Instant now = advance(c, 3 * 172_800);
        List<BigInteger> paid = expected(amount.subtract(RENT), 1_000, activated, now, 172_800, false);
        assertThat(paid).hasSizeBetween(3, 4);
        JsonNode rewards = list(c, "/solana/accounts/" + s.id() + "/rewards");
        assertThat(rewards).hasSize(paid.size());
        assertThat(sumOf(rewards)).isEqualTo(sum(paid));
        assertThat(rewards.get(0).path("stake_uid").asText()).isEqualTo(uid);
        assertThat(rewards.get(rewards.size() - 1).path("amount").asText()).isEqualTo(paid.get(0).toString());
        assertThat(sumOf(list(c, "/solana/accounts/" + s.id() + "/stakes/" + uid + "/rewards"))).isEqualTo(sum(paid));
        JsonNode periodic = list(c, "/solana/accounts/" + s.id() + "/periodic-rewards").get(0);
        assertThat(periodic.path("total").asText()).isEqualTo(sum(paid).toString());
        assertThat(periodic.path("last30").asText()).isEqualTo(sum(paid).toString());
        assertThat(periodic.path("last7").asText()).isEqualTo(sum(paid).toString());
        assertThat(available(c, s.id())).isEqualTo(funds.subtract(amount).subtract(fee).add(sum(paid)));
        // Reads pay nothing: asking again changes nothing.
        assertThat(sumOf(list(c, "/solana/accounts/" + s.id() + "/rewards"))).isEqualTo(sum(paid));

        // Deactivated: the last part of the epoch is paid pro rata, then nothing more.
        stakeTx(s, "SOLANA_LIKE_STAKE_DEACTIVATE", Map.of("max_fees", "5000", "stake_uid", uid));
        stake = c.get("/solana/accounts/" + s.id() + "/stakes").get("edges").get(0).path("node");
        assertThat(stake.path("status").asText()).isEqualTo("DEACTIVATED");
        Instant stopped = instant(stake.path("blockchain_state").path("deactivation_date"));
        List<BigInteger> all = expected(amount.subtract(RENT), 1_000, activated, stopped, 172_800, true);
        assertThat(sumOf(list(c, "/solana/accounts/" + s.id() + "/rewards"))).isEqualTo(sum(all));
        assertThat(stake.path("total_reward").asText()).isEqualTo(sum(all).toString());
        balances = c.get("/accounts/" + s.id() + "/balances").json();
        assertThat(balances.path("undelegated").asText()).isEqualTo(amount.toString());
        assertThat(balances.path("delegated").asText()).isEqualTo("0");
        advance(c, 2 * 172_800);
        assertThat(sumOf(list(c, "/solana/accounts/" + s.id() + "/rewards"))).isEqualTo(sum(all));

        // Withdrawn: the whole amount comes back; three fees were paid in all.
        JsonNode withdraw = stakeTx(s, "SOLANA_LIKE_STAKE_WITHDRAW", Map.of("max_fees", "5000", "stake_uid", uid));
        assertThat(withdraw.path("type").asText()).isEqualTo("STAKE_WITHDRAW");
        assertThat(withdraw.path("fees").asText()).isEqualTo("5000");
        assertThat(available(c, s.id())).isEqualTo(funds.subtract(fee.multiply(BigInteger.valueOf(3))).add(sum(all)));
        balances = c.get("/accounts/" + s.id() + "/balances").json();
        assertThat(balances.path("total_staked").asText()).isEqualTo("0");
        stake = c.get("/solana/accounts/" + s.id() + "/stakes").get("edges").get(0).path("node");
        assertThat(stake.path("status").asText()).isEqualTo("DELETED");
    }

    @Test
    void ethereumValidatorEarnsDailyRewardsAndUnstakesExactly() {
        BigInteger funds = ETH.multiply(BigInteger.valueOf(40));
        Setup s = setup("ethereum", funds);
        ApiClient c = s.client();
        BigInteger fee = new BigInteger("3000000000000000");
        // One validator takes exactly 32 ETH.
        ApiResponse wrong = c.post("/requests", staking(s.account(), "ETHEREUM_LIKE_STAKE",
                Map.of("amount", ETH.toString(), "max_fees", fee.toString())));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.text("message")).contains("32 ETH");
        BigInteger amount = ETH.multiply(BigInteger.valueOf(32));
        JsonNode tx = stakeTx(s, "ETHEREUM_LIKE_STAKE", Map.of("amount", amount.toString(), "max_fees", fee.toString()));
        assertThat(tx.path("type").asText()).isEqualTo("STAKE");
        assertThat(tx.path("recipient").asText()).isEqualToIgnoringCase("0x00000000219ab540356cBB839Cbe05303d7705Fa");
        assertThat(available(c, s.id())).isEqualTo(funds.subtract(amount).subtract(fee));

        JsonNode stakes = list(c, "/ethereum/accounts/" + s.id() + "/stakes");
        assertThat(stakes).hasSize(1);
        JsonNode stake = stakes.get(0);
        assertThat(stake.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(stake.path("blockchain_state").path("state").asText()).isEqualTo("active_ongoing");
        assertThat(stake.path("blockchain_state").path("validator_address").asText()).matches("0x[0-9a-f]{96}");
        String uid = stake.path("uid").asText();
        Instant activated = instant(stake.path("blockchain_state").path("activated_at"));

        Instant now = advance(c, 3 * 86_400);
        List<BigInteger> paid = expected(amount, 300, activated, now, 86_400, false);
        assertThat(paid).hasSizeBetween(3, 4);
        JsonNode rewards = list(c, "/ethereum/accounts/" + s.id() + "/rewards");
        assertThat(sumOf(rewards)).isEqualTo(sum(paid));
        assertThat(rewards.get(0).path("info").path("gross_apy").asDouble()).isEqualTo(3.0);
        assertThat(sumOf(list(c, "/ethereum/accounts/" + s.id() + "/stakes/" + uid + "/rewards"))).isEqualTo(sum(paid));
        // Dates select whole UTC days of payment.
        String lastDay = now.toString().substring(0, 10);
        JsonNode today = list(c, "/ethereum/accounts/" + s.id() + "/stakes/" + uid + "/rewards?start_date=" + lastDay
                + "&end_date=" + lastDay);
        assertThat(today).hasSize(1);
        assertThat(c.get("/ethereum/accounts/" + s.id() + "/stakes/" + uid + "/rewards?start_date=1999-01-01&end_date=1999-01-02")
                .json()).isEmpty();
        assertThat(c.get("/ethereum/accounts/" + s.id() + "/stakes/" + uid + "/rewards?start_date=yesterday").status())
                .isEqualTo(400);
        assertThat(available(c, s.id())).isEqualTo(funds.subtract(amount).subtract(fee).add(sum(paid)));

        JsonNode unstake = stakeTx(s, "ETHEREUM_LIKE_UNSTAKE", Map.of("max_fees", fee.toString(), "stake_uid", uid));
        Instant stopped = instant(unstake.path("block").path("time"));
        List<BigInteger> all = expected(amount, 300, activated, stopped, 86_400, true);
        assertThat(sumOf(list(c, "/ethereum/accounts/" + s.id() + "/rewards"))).isEqualTo(sum(all));
        assertThat(available(c, s.id())).isEqualTo(funds.subtract(fee.multiply(BigInteger.TWO)).add(sum(all)));
        assertThat(list(c, "/ethereum/accounts/" + s.id() + "/stakes").get(0).path("status").asText())
                .isEqualTo("DEACTIVATED");
    }

    @Test
    void tezosDelegationEarnsCycleRewardsAndUndelegates() {
        BigInteger funds = BigInteger.valueOf(1_000_000_000L);
        Setup s = setup("tezos", funds);
        ApiClient c = s.client();
        String baker = Sandbox.account(c, "tezos").path("address").asText();
        BigInteger amount = BigInteger.valueOf(600_000_000L);
        BigInteger fee = BigInteger.valueOf(1_420);
        JsonNode tx = stakeTx(s, "TEZOS_LIKE_DELEGATE", Map.of("amount", amount.toString(), "max_fees", "1420",
                "validator", baker));
        assertThat(tx.path("type").asText()).isEqualTo("DELEGATE");
        JsonNode stake = c.get("/tezos/accounts/" + s.id() + "/stakes").get("edges").get(0).path("node");
        assertThat(stake.path("blockchain_state").path("baker_address").asText()).isEqualTo(baker);
        assertThat(stake.path("blockchain_state").path("state").asText()).isEqualTo("active");
        assertThat(stake.path("blockchain_state").path("gross_apy").asText()).isEqualTo("5.50");
        Instant activated = instant(stake.path("blockchain_state").path("activated_at"));
        Instant now = advance(c, 3 * 259_200);
        List<BigInteger> paid = expected(amount, 550, activated, now, 259_200, false);
        JsonNode rewards = list(c, "/tezos/accounts/" + s.id() + "/rewards");
        assertThat(sumOf(rewards)).isEqualTo(sum(paid));
        int lastCycle = rewards.get(0).path("info").path("cycle").asInt();
        assertThat(c.get("/tezos/accounts/" + s.id() + "/rewards?start_cycle=" + lastCycle + "&end_cycle=" + lastCycle)
                .json()).hasSize(1);
        assertThat(c.get("/tezos/accounts/" + s.id() + "/rewards?start_cycle=x").status()).isEqualTo(400);
        String uid = stake.path("stake_uid").asText();
        JsonNode undelegate = stakeTx(s, "TEZOS_LIKE_UNDELEGATE", Map.of("max_fees", "1420", "stake_uid", uid));
        assertThat(undelegate.path("type").asText()).isEqualTo("UNDELEGATE");
        List<BigInteger> all = expected(amount, 550, activated, instant(undelegate.path("block").path("time")), 259_200,
                true);
        assertThat(available(c, s.id())).isEqualTo(funds.subtract(fee.multiply(BigInteger.TWO)).add(sum(all)));
    }

    @Test
    void cardanoDelegationEarnsEpochRewardsAndDeregisters() {
        BigInteger funds = BigInteger.valueOf(100_000_000L);
        Setup s = setup("cardano", funds);
        ApiClient c = s.client();
        BigInteger amount = BigInteger.valueOf(50_000_000L);
        BigInteger fee = BigInteger.valueOf(200_000);
        assertThat(c.post("/requests", staking(s.account(), "CARDANO_LIKE_STAKING_DELEGATE", Map.of("amount",
                amount.toString(), "max_fees", "200000", "validator", "pool-not-a-pool"))).status()).isEqualTo(400);
        JsonNode tx = stakeTx(s, "CARDANO_LIKE_STAKING_DELEGATE", Map.of("amount", amount.toString(), "max_fees",
                "200000", "validator", POOL));
        assertThat(tx.path("type").asText()).isEqualTo("STAKING_DELEGATE");
        JsonNode stake = c.get("/cardano/accounts/" + s.id() + "/stakes").get("edges").get(0).path("node");
        assertThat(stake.path("blockchain_state").path("pool_id").asText()).isEqualTo(POOL);
        assertThat(stake.path("blockchain_state").path("stake_address").asText()).startsWith("stake1");
        Instant activated = instant(stake.path("blockchain_state").path("date"));
        String uid = stake.path("stake_uid").asText();
        Instant now = advance(c, 3 * 432_000);
        List<BigInteger> paid = expected(amount, 300, activated, now, 432_000, false);
        JsonNode rewards = list(c, "/cardano/accounts/" + s.id() + "/rewards");
        assertThat(sumOf(rewards)).isEqualTo(sum(paid));
        assertThat(rewards.get(0).path("info").path("accumulated").asText()).isEqualTo(sum(paid).toString());
        assertThat(sumOf(list(c, "/cardano/accounts/" + s.id() + "/stakes/" + uid + "/rewards"))).isEqualTo(sum(paid));
        JsonNode periodic = list(c, "/cardano/accounts/" + s.id() + "/periodic-rewards").get(0);
        assertThat(periodic.path("total").asText()).isEqualTo(sum(paid).toString());
        JsonNode deregister = stakeTx(s, "CARDANO_LIKE_STAKING_DEREGISTER", Map.of("max_fees", "200000", "stake_uid", uid));
        assertThat(deregister.path("type").asText()).isEqualTo("STAKING_DEREGISTER");
        List<BigInteger> all = expected(amount, 300, activated, instant(deregister.path("block").path("time")), 432_000,
                true);
        assertThat(available(c, s.id())).isEqualTo(funds.subtract(fee.multiply(BigInteger.TWO)).add(sum(all)));
    }
}
