package io.coffer.staking;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.account.db.JdbcAccounts;
import io.coffer.common.Amount;
import io.coffer.common.Outcome;
import io.coffer.db.Database;
import io.coffer.db.JdbcUnitOfWork;
import io.coffer.db.Sql;
import io.coffer.ledger.LedgerService;
import io.coffer.ledger.db.JdbcLedgerStore;
import io.coffer.staking.db.JdbcStakes;
import io.coffer.testing.Engine;
import io.coffer.testing.Fixtures;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reward job's bounds against the real storage: one pass (a clock move, a background round)
 * pays a bounded number of periods whatever the number of stakes, the rest is paid exactly by the
 * next passes, and the background rounds reach every workspace however many have stakes.
 */
abstract class RewardAccrualCases {

    /** A period end of every chain, so all owed periods are whole. */
    private static final Instant NOW = Instant.ofEpochSecond(30 * 86_400L * 700);
    private static final BigInteger DEPOSIT = StakeLifecycle.ETHEREUM_DEPOSIT;

    private Database database;
    private JdbcUnitOfWork unitOfWork;
    private final JdbcStakes stakes = new JdbcStakes();
    private final LedgerService ledger = new LedgerService(new JdbcLedgerStore());

    protected abstract Engine engine();

    @BeforeEach
    void open() {
        database = engine().open();
        unitOfWork = database.unitOfWork();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private RewardAccrual accrual(int periodsPerPass, int workspacesPerRound) {
        return new RewardAccrual(unitOfWork, stakes, new JdbcAccounts(), ledger, InstantSource.fixed(NOW), periodsPerPass,
                workspacesPerRound);
    }

    /** A workspace with one Ethereum account holding {@code count} validators active for {@code days} days. */
    private List<Long> workspaceWithStakes(int count, long days) {
        return unitOfWork.write(tx -> {
            Instant since = NOW.minus(Duration.ofDays(days));
            long workspace = Fixtures.workspace(tx, since);
            long account = Fixtures.account(tx, workspace, "ethereum", since);
            ledger.open(tx, account);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(stakes.create(tx, new Stake(0, workspace, account, Chain.ETHEREUM, UUID.randomUUID().toString(),
                        StakeStatus.ACTIVE, new Amount(DEPOSIT), "coffer-validator", "0x01", 1, 1, since, Optional.empty(),
                        Optional.empty(), Optional.of(since), Optional.empty(), Optional.of(since), BigInteger.ZERO,
                        Amount.ZERO)));
            }
            return Outcome.ok(ids);
        }).orElseThrow();
    }

    private long rewardRows() {
        return unitOfWork.read(tx -> Sql.count(tx, "SELECT COUNT(*) FROM stake_reward"));
    }

    private BigInteger totalReward(long stakeId) {
        return unitOfWork.read(tx -> stakes.lock(tx, stakeId)).orElseThrow().totalReward().value();
    }

    private static BigInteger owedFor(long days) {
        return DEPOSIT.multiply(BigInteger.valueOf(Chain.ETHEREUM.defaultRateBps()))
                .multiply(BigInteger.valueOf(days * 86_400)).divide(RewardMath.DIVISOR);
    }

    @Test
    void onePassPaysABoundedNumberOfPeriodsWhateverTheNumberOfStakesAndTheNextPassesPayTheRestExactly() {
        List<Long> ids = workspaceWithStakes(3, 50);
        long workspace = unitOfWork.read(tx -> stakes.lock(tx, ids.get(0))).orElseThrow().workspaceId();
        RewardAccrual accrual = accrual(60, 1_000);

        accrual.accrueDue(workspace);
        assertThat(rewardRows()).isEqualTo(60);

        for (int pass = 0; pass < 3; pass++) {
            accrual.accrueDue(workspace);
        }
        assertThat(rewardRows()).isEqualTo(150);
        for (long id : ids) {
            assertThat(totalReward(id)).isEqualTo(owedFor(50));
        }
    }

    @Test
    void backgroundRoundsReachEveryWorkspaceWhenMoreHaveStakesThanOneRoundVisits() {
        List<Long> stakeIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            stakeIds.add(workspaceWithStakes(1, 2).get(0));
        }
        RewardAccrual accrual = accrual(10_000, 2);

        accrual.accrueAllDue();
        accrual.accrueAllDue();

        for (long id : stakeIds) {
            assertThat(totalReward(id)).as("stake %d", id).isEqualTo(owedFor(2));
        }
    }

    @Test
    void aStopPaysFewPeriodsInsideBlockProductionAndThePassesPayTheRestExactly() {
        long stakeId = workspaceWithStakes(1, 50).get(0);
        RewardAccrual accrual = accrual(10_000, 1_000);
        Instant stop = NOW.minus(Duration.ofHours(5));

        Stake stopped = unitOfWork.write(tx -> {
            Stake stake = stakes.lock(tx, stakeId).orElseThrow();
            Stake paid = accrual.payAtStop(tx, new JdbcAccounts().find(tx, stake.workspaceId(), stake.accountId())
                    .orElseThrow(), stake, stop).deactivated(stop);
            stakes.update(tx, paid);
            return Outcome.ok(paid);
        }).orElseThrow();
        assertThat(rewardRows()).isEqualTo(RewardAccrual.MAX_PERIODS_AT_STOP);

        accrual.accrueDue(stopped.workspaceId());
        BigInteger owed = DEPOSIT.multiply(BigInteger.valueOf(Chain.ETHEREUM.defaultRateBps()))
                .multiply(BigInteger.valueOf(Duration.ofDays(50).minusHours(5).toSeconds())).divide(RewardMath.DIVISOR);
        assertThat(totalReward(stakeId)).isEqualTo(owed);
        assertThat(rewardRows()).isEqualTo(50);
    }
}
