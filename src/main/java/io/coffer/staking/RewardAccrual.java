package io.coffer.staking;

import io.coffer.account.Account;
import io.coffer.account.Accounts;
import io.coffer.common.Amount;
import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.common.UnitOfWork;
import io.coffer.common.WorkspaceClock;
import io.coffer.ledger.LedgerService;
import io.coffer.ledger.Postings;
import java.math.BigInteger;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

/**
 * Pays staking rewards as the workspace clock passes period ends (Ethereum days, Solana and
 * Cardano epochs, Tezos cycles): for each active stake and each period end since it was last paid,
 * {@link RewardMath} gives the reward of the seconds in between at the chain's yearly rate. Each
 * payment is a reward row and a credit to the account's confirmed balance. It runs when the
 * sandbox clock moves and on the background timer, never on a read.
 */
public final class RewardAccrual {

    /** At most this many periods are paid per stake in one pass; the next pass pays the rest. */
    public static final int MAX_PERIODS_PER_PASS = 2_000;
    /** At most this many stakes are paid per chain and workspace in one pass. */
    public static final int MAX_STAKES_PER_PASS = 500;

    private final UnitOfWork unitOfWork;
    private final Stakes stakes;
    private final Accounts accounts;
    private final LedgerService ledger;
    private final InstantSource clock;

    public RewardAccrual(UnitOfWork unitOfWork, Stakes stakes, Accounts accounts, LedgerService ledger,
                         InstantSource clock) {
        this.unitOfWork = unitOfWork;
        this.stakes = stakes;
        this.accounts = accounts;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The yearly rate of a chain in a workspace: the one set in the sandbox, or the chain's default. */
    public int rate(Tx tx, long workspaceId, Chain chain) {
        return stakes.rate(tx, workspaceId, chain).orElse(chain.defaultRateBps());
    }

    /** Sets a chain's yearly rate in the caller's workspace (sandbox); periods ending later pay at it. */
    public Outcome<Integer> setRate(Caller caller, Chain chain, long rateBps) {
        if (rateBps < 0 || rateBps > Chain.MAX_RATE_BPS) {
            return Outcome.invalid("field 'annual_rate_bps' must be between 0 and " + Chain.MAX_RATE_BPS);
        }
        Instant now = caller.clock(clock).now();
        return unitOfWork.write(tx -> {
            stakes.setRate(tx, caller.workspaceId(), chain, (int) rateBps, now);
            return Outcome.ok((int) rateBps);
        });
    }

    /** Pays what the workspace's clock makes due now; answers the number of rewards paid. */
    public int accrueDue(long workspaceId) {
        Instant now = new WorkspaceClock(clock, unitOfWork.read(tx -> stakes.clockOffset(tx, workspaceId))).now();
        int paid = 0;
        for (Chain chain : Chain.values()) {
            Instant boundary = chain.periodStart(chain.periodOf(now));
            for (Stake due : unitOfWork.read(tx -> stakes.accruing(tx, workspaceId, chain, boundary, MAX_STAKES_PER_PASS))) {
                paid += unitOfWork.write(tx -> {
                    Optional<Stake> locked = stakes.lock(tx, due.id());
                    Optional<Instant> owedUntil = locked.flatMap(stake -> owedUntil(stake, boundary));
                    if (owedUntil.isEmpty()) {
                        return Outcome.ok(0);
                    }
                    Account account = accounts.find(tx, workspaceId, locked.get().accountId()).orElseThrow();
                    Stake after = payUpTo(tx, account, locked.get(), owedUntil.get(), !locked.get().status().earning());
                    stakes.update(tx, after);
                    return Outcome.ok(after.totalReward().equals(locked.get().totalReward()) ? 0 : 1);
                }).orElseThrow();
            }
        }
        return paid;
    }

    /**
     * Up to when a stake is owed rewards: an active one up to the last period end; a stopped one up
     * to its stop, when the stop left more periods owed than one pass pays.
     */
    private static Optional<Instant> owedUntil(Stake stake, Instant boundary) {
        if (stake.status().earning()) {
            return Optional.of(boundary);
        }
        return stake.deactivatedOn().filter(stop -> stake.accruedUntil().filter(paid -> paid.isBefore(stop)).isPresent());
    }

    /** The background round: every workspace with active stakes. */
    public int accrueAllDue() {
        int paid = 0;
        for (long workspaceId : unitOfWork.read(tx -> stakes.workspacesWithActiveStakes(tx, 1_000))) {
            paid += accrueDue(workspaceId);
        }
        return paid;
    }

    /**
     * Pays a stake's rewards for each period end after it was last paid, up to {@code until}; with
     * {@code partial}, also the seconds from the last period end to {@code until} (a stake that
     * stops). Writes reward rows and ledger credits; answers the stake as paid, for the caller to store.
     */
    Stake payUpTo(Tx tx, Account account, Stake stake, Instant until, boolean partial) {
        if (stake.accruedUntil().isEmpty()) {
            return stake;
        }
        Chain chain = stake.chain();
        int rate = rate(tx, stake.workspaceId(), chain);
        BigInteger base = earningBalance(stake);
        Instant from = stake.accruedUntil().get();
        BigInteger carry = stake.carry();
        Amount total = stake.totalReward();
        for (RewardMath.Segment segment : RewardMath.segments(chain, from, until, partial, MAX_PERIODS_PER_PASS)) {
            RewardMath.Accrual accrual = RewardMath.accrue(base, rate, segment.seconds(), carry);
            carry = accrual.carry();
            if (accrual.reward().signum() > 0) {
                Amount reward = new Amount(accrual.reward());
                total = total.plus(reward);
                stakes.addReward(tx, stake.workspaceId(), new Reward(0, stake.id(), stake.uid(), stake.accountId(),
                        segment.period(), chain.periodStart(segment.period()), segment.end(), reward, new Amount(base),
                        total, rate));
                ledger.post(tx, Postings.credited(stake.workspaceId(), Optional.empty(), "STAKE_REWARD", account.asset(),
                        account.id(), reward, segment.end()), Map.of()).orElseThrow();
            }
            from = segment.end();
        }
        return stake.paid(from, carry, total);
    }

    /** What earns: the stake's amount, less a Solana stake account's rent-exempt reserve. */
    public static BigInteger earningBalance(Stake stake) {
        return stake.chain() == Chain.SOLANA
                ? stake.amount().value().subtract(StakeLifecycle.SOLANA_RENT_EXEMPT_RESERVE).max(BigInteger.ZERO)
                : stake.amount().value();
    }
}
