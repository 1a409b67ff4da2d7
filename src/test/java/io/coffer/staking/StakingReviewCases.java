package io.coffer.staking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Governed;
import io.coffer.testing.Sandbox;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Staking stories found by a hostile review: what a stake earns must not depend on how the clock
 * was moved or when the blocks came, down to the base unit.
 */
abstract class StakingReviewCases extends StakingFixtures {

    private static final BigInteger ETH_FEE = new BigInteger("3000000000000000");
    private static final long DAY = 86_400;

    @Test
    void aStakeStoppedAfterMorePeriodsThanOnePassPaysIsStillPaidForEverySecond() {
        BigInteger funds = ETH.multiply(BigInteger.valueOf(40));
        Setup s = setup("ethereum", funds);
        ApiClient c = s.client();
        BigInteger amount = ETH.multiply(BigInteger.valueOf(32));
        stakeTx(s, "ETHEREUM_LIKE_STAKE", Map.of("amount", amount.toString(), "max_fees", ETH_FEE.toString()));
        JsonNode stake = list(c, "/ethereum/accounts/" + s.id() + "/stakes").get(0);
        String uid = stake.path("uid").asText();
        Instant activated = instant(stake.path("blockchain_state").path("activated_at"));

        // The unstake is broadcast, then waits for its blocks while the clock runs 3,000 days ahead:
        // more periods than one payment pass covers (2,000), all owed at the stop.
        ApiResponse created = c.post("/requests", staking(s.account(), "ETHEREUM_LIKE_UNSTAKE",
                Map.of("max_fees", ETH_FEE.toString(), "stake_uid", uid)));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(Governed.approve(s.admin(), created.id()).text("status")).isEqualTo("SUBMITTED");
        advance(c, 3_000 * DAY);
        Sandbox.mine(c, "ethereum", 40);
        JsonNode unstake = c.get("/transactions/" + created.get("target_id").asLong()).json();
        assertThat(unstake.path("status").asText()).isEqualTo("CONFIRMED");
        Instant stopped = instant(unstake.path("block").path("time"));
        // The next clock moves (at most 2,000 periods of a stake each) pay whatever the stop left owed.
        advance(c, 1);
        advance(c, 1);

        BigInteger owed = sum(expected(amount, Chain.ETHEREUM.defaultRateBps(), activated, stopped, DAY, true));
        JsonNode after = list(c, "/ethereum/accounts/" + s.id() + "/stakes").get(0);
        assertThat(after.path("status").asText()).isEqualTo("DEACTIVATED");
        assertThat(new BigInteger(after.path("total_reward").asText())).isEqualTo(owed);
        assertThat(available(c, s.id())).isEqualTo(funds.subtract(ETH_FEE.multiply(BigInteger.TWO)).add(owed));
        // Nothing more once paid up to the stop.
        advance(c, 10 * DAY);
        assertThat(available(c, s.id())).isEqualTo(funds.subtract(ETH_FEE.multiply(BigInteger.TWO)).add(owed));
    }

    @Test
    void rewardsThatAnAccountCannotHoldAreNotPaidAndNeverBreakTheClock() {
        BigInteger max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
        Setup s = setup("tezos", max);
        ApiClient c = s.client();
        String baker = Sandbox.account(c, "tezos").path("address").asText();
        setRate(c, "tezos", 10_000);
        BigInteger amount = BigInteger.TWO.pow(255);
        stakeTx(s, "TEZOS_LIKE_DELEGATE", Map.of("amount", amount.toString(), "max_fees", "1420", "validator", baker));
        BigInteger left = max.subtract(amount).subtract(BigInteger.valueOf(1_420));
        assertThat(available(c, s.id())).isEqualTo(left);

        // A year at 100% would pay 2^255: the balance keeps room for the staked 2^255, so what does not fit
        // beside it is not paid.
        for (int i = 0; i < 3; i++) {
            advance(c, 200 * DAY);
        }
        BigInteger balance = available(c, s.id());
        assertThat(balance).isGreaterThanOrEqualTo(left);
        assertThat(balance.add(amount)).isLessThanOrEqualTo(max);
        JsonNode stake = c.get("/tezos/accounts/" + s.id() + "/stakes").json().path("edges").get(0).path("node");
        assertThat(new BigInteger(stake.path("total_reward").asText())).isEqualTo(balance.subtract(left));
        assertThat(sumOf(list(c, "/tezos/accounts/" + s.id() + "/rewards?start_cycle=0"))).isEqualTo(balance.subtract(left));

        // Other workspaces' stakes are still paid by the same clock moves and rounds.
        Setup other = setup("tezos", BigInteger.valueOf(1_000_000_000));
        stakeTx(other, "TEZOS_LIKE_DELEGATE", Map.of("amount", "500000000", "max_fees", "1420", "validator", baker));
        advance(other.client(), 10 * DAY);
        assertThat(list(other.client(), "/tezos/accounts/" + other.id() + "/rewards")).isNotEmpty();
    }

    @Test
    void anAccountKeepsRoomForItsStakedFundsSoTheirReturnIsExact() {
        BigInteger max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
        BigInteger amount = BigInteger.TWO.pow(255);
        Setup s = setup("tezos", amount.add(BigInteger.valueOf(1_000_000_000)));
        ApiClient c = s.client();
        String baker = Sandbox.account(c, "tezos").path("address").asText();
        stakeTx(s, "TEZOS_LIKE_DELEGATE", Map.of("amount", amount.toString(), "max_fees", "1420", "validator", baker));
        String uid = c.get("/tezos/accounts/" + s.id() + "/stakes").json().path("edges").get(0).path("node")
                .path("stake_uid").asText();
        ApiResponse created = c.post("/requests", staking(s.account(), "TEZOS_LIKE_UNDELEGATE",
                Map.of("max_fees", "1420", "stake_uid", uid)));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(Governed.approve(s.admin(), created.id()).text("status")).isEqualTo("SUBMITTED");
        // While the undelegation waits for its blocks, a deposit that would take the room of the staked 2^255 is refused.
        BigInteger balance = new BigInteger(c.get("/accounts/" + s.id()).text("balance"));
        ApiResponse filling = c.post("/sandbox/accounts/" + s.id() + "/deposits",
                Map.of("amount", max.subtract(balance).toString()));
        assertThat(filling.status()).as(filling.raw()).isEqualTo(400);
        assertThat(filling.text("message")).contains("staked");
        BigInteger room = max.subtract(balance).subtract(amount);
        Sandbox.deposit(c, s.id(), room.toString());

        Sandbox.mine(c, "tezos", 40);
        assertThat(c.get("/transactions/" + created.get("target_id").asLong()).text("status")).isEqualTo("CONFIRMED");
        assertThat(c.get("/tezos/accounts/" + s.id() + "/stakes").json().path("edges").get(0).path("node")
                .path("status").asText()).isEqualTo("DEACTIVATED");
        // Every unit came back: what was there less the undelegation's fee, the deposit and the whole stake (a
        // reward at the stop that would take the account past the bound is not paid).
        assertThat(new BigInteger(c.get("/accounts/" + s.id()).text("balance"))).isEqualTo(max.subtract(BigInteger.valueOf(1_420)));
    }
}
