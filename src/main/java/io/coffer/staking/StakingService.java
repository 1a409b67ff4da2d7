package io.coffer.staking;

import io.coffer.account.Account;
import io.coffer.account.Accounts;
import io.coffer.common.Amount;
import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import io.coffer.common.UnitOfWork;
import io.coffer.transaction.StakedBalances;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * The staking reads: an account's stakes, their rewards and periodic sums, each behind the
 * chain's path. An account the caller may not see, or of another chain, is not found. Reads never
 * pay rewards; {@link RewardAccrual} does, when the clock moves.
 */
public final class StakingService implements StakedBalances {

    /** The unpaged lists (Ethereum stakes, rewards) answer at most this many items, newest first. */
    public static final int MAX_LIST = 1_000;

    /** An account's stakes or rewards, with the account they belong to. */
    public record Of<T>(Account account, T value, int rateBps) {
    }

    /** The spec's {@code PeriodicRewards}: sums over the last 7 and 30 days and in all. */
    public record Periodic(Amount last7, Amount last30, Amount total) {
    }

    private final UnitOfWork unitOfWork;
    private final Accounts accounts;
    private final Stakes stakes;
    private final RewardAccrual accrual;
    private final InstantSource clock;

    public StakingService(UnitOfWork unitOfWork, Accounts accounts, Stakes stakes, RewardAccrual accrual,
                          InstantSource clock) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.stakes = stakes;
        this.accrual = accrual;
        this.clock = clock;
    }

    public Outcome<Of<Page<Stake>>> search(Caller caller, Chain chain, long accountId, StakeFilter filter,
                                           PageRequest page) {
        return read(caller, chain, accountId, (tx, account) -> Outcome.ok(stakes.search(tx, account.id(), filter, page)));
    }

    public Outcome<Of<List<Stake>>> stakes(Caller caller, Chain chain, long accountId) {
        return read(caller, chain, accountId, (tx, account) -> Outcome.ok(stakes.ofAccount(tx, account.id(), MAX_LIST)));
    }

    /**
     * Rewards of the account, or of one stake ({@code stakeUid}), newest first, paid between the
     * dates or in the periods given.
     */
    public Outcome<Of<List<Reward>>> rewards(Caller caller, Chain chain, long accountId, Optional<String> stakeUid,
                                             Optional<Instant> from, Optional<Instant> to, Optional<Long> fromPeriod,
                                             Optional<Long> toPeriod) {
        return read(caller, chain, accountId, (tx, account) -> {
            Optional<Long> stakeId = Optional.empty();
            if (stakeUid.isPresent()) {
                Optional<Stake> stake = stakes.findByUid(tx, account.id(), stakeUid.get());
                if (stake.isEmpty()) {
                    return Outcome.notFound("account " + accountId + " has no stake " + stakeUid.get());
                }
                stakeId = Optional.of(stake.get().id());
            }
            return Outcome.ok(stakes.rewards(tx, account.id(), stakeId, from, to, fromPeriod, toPeriod, MAX_LIST));
        });
    }

    public Outcome<Of<Periodic>> periodic(Caller caller, Chain chain, long accountId) {
        Instant now = caller.clock(clock).now();
        return read(caller, chain, accountId, (tx, account) -> Outcome.ok(new Periodic(
                stakes.rewardSum(tx, account.id(), Optional.of(now.minus(Duration.ofDays(7)))),
                stakes.rewardSum(tx, account.id(), Optional.of(now.minus(Duration.ofDays(30)))),
                stakes.rewardSum(tx, account.id(), Optional.empty()))));
    }

    /** Sets a chain's simulated yearly rate (sandbox). */
    public Outcome<Integer> setRate(Caller caller, Chain chain, long rateBps) {
        return accrual.setRate(caller, chain, rateBps);
    }

    /** A chain's yearly rate in the caller's workspace. */
    public int rate(Caller caller, Chain chain) {
        return unitOfWork.read(tx -> accrual.rate(tx, caller.workspaceId(), chain));
    }

    @Override
    public Solana solana(Tx tx, long accountId) {
        Amount activating = Amount.ZERO;
        Amount deactivating = Amount.ZERO;
        Amount delegated = Amount.ZERO;
        Amount undelegated = Amount.ZERO;
        for (var sum : stakes.sumsByStatus(tx, accountId).entrySet()) {
            switch (sum.getKey()) {
                case ACTIVATING -> activating = sum.getValue();
                case DEACTIVATING -> deactivating = sum.getValue();
                case ACTIVE -> delegated = sum.getValue();
                case DEACTIVATED -> undelegated = sum.getValue();
                case ABORTED, DELETED, PENDING, UNKNOWN -> {
                }
            }
        }
        return new Solana(activating, deactivating, delegated, undelegated);
    }

    private interface Read<T> {
        Outcome<T> apply(Tx tx, Account account);
    }

    private <T> Outcome<Of<T>> read(Caller caller, Chain chain, long accountId, Read<T> read) {
        return unitOfWork.read(tx -> {
            Optional<Account> account = accounts.findVisible(tx, caller, accountId)
                    .filter(found -> !found.isToken() && Chain.ofCurrency(found.currency()).filter(c -> c == chain).isPresent());
            if (account.isEmpty()) {
                return Outcome.notFound(chain.apiName() + " account " + accountId + " not found");
            }
            int rate = accrual.rate(tx, caller.workspaceId(), chain);
            return read.apply(tx, account.get()).map(value -> new Of<>(account.get(), value, rate));
        });
    }
}
