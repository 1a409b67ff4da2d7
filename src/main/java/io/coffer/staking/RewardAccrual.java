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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pays staking rewards as the workspace clock passes period ends (Ethereum days, Solana and
 * Cardano epochs, Tezos cycles): for each active stake and each period end since it was last paid,
 * {@link RewardMath} gives the reward of the seconds in between at the chain's yearly rate. Each
 * payment is a reward row and a credit to the account's confirmed balance. It runs when the
 * sandbox clock moves and on the background timer, never on a read.
 */
public final class RewardAccrual {

    private static final System.Logger LOG = System.getLogger(RewardAccrual.class.getName());

    /** At most this many periods are paid per stake in one pass; the next pass pays the rest. */
    public static final int MAX_PERIODS_PER_PASS = 2_000;
    /** At most this many periods are paid when a stake stops, inside block production; the passes pay the rest. */
    public static final int MAX_PERIODS_AT_STOP = 10;
    /** At most this many stakes are paid per chain and workspace in one pass. */
    public static final int MAX_STAKES_PER_PASS = 500;
    /**
     * At most this many periods are paid in one pass over a workspace (a clock move) or one background
     * round, whatever the number of stakes: a clock moved years ahead over thousands of stakes must not
     * hold one call for minutes. Each stake visited counts at least one.
     */
    public static final int MAX_PAYMENTS_PER_PASS = 10_000;
    /** The background round visits at most this many workspaces; the next round goes on after the last. */
    public static final int WORKSPACES_PER_ROUND = 1_000;

    private final UnitOfWork unitOfWork;
    private final Stakes stakes;
    private final Accounts accounts;
    private final LedgerService ledger;
    private final InstantSource clock;
    private final int paymentsPerPass;
    private final int workspacesPerRound;
    /** The last workspace the background round visited: the next round starts after it. */
    private final AtomicLong roundCursor = new AtomicLong();

    public RewardAccrual(UnitOfWork unitOfWork, Stakes stakes, Accounts accounts, LedgerService ledger,
                         InstantSource clock) {
        this(unitOfWork, stakes, accounts, ledger, clock, MAX_PAYMENTS_PER_PASS, WORKSPACES_PER_ROUND);
    }

    RewardAccrual(UnitOfWork unitOfWork, Stakes stakes, Accounts accounts, LedgerService ledger, InstantSource clock,
                  int paymentsPerPass, int workspacesPerRound) {
        this.unitOfWork = unitOfWork;
        this.stakes = stakes;
        this.accounts = accounts;
        this.ledger = ledger;
        this.clock = clock;
        this.paymentsPerPass = paymentsPerPass;
        this.workspacesPerRound = workspacesPerRound;
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

    /** Pays what the workspace's clock makes due now (a bounded pass); answers the number of rewards paid. */
    public int accrueDue(long workspaceId) {
        return accrueDue(workspaceId, new int[] {paymentsPerPass});
    }

    /** One pass over a workspace, spending the periods left in {@code budget}. */
    private int accrueDue(long workspaceId, int[] budget) {
        Instant now = new WorkspaceClock(clock, unitOfWork.read(tx -> stakes.clockOffset(tx, workspaceId))).now();
        int paid = 0;
        for (Chain chain : Chain.values()) {
            Instant boundary = chain.periodStart(chain.periodOf(now));
            for (Stake due : unitOfWork.read(tx -> stakes.accruing(tx, workspaceId, chain, boundary, MAX_STAKES_PER_PASS))) {
                if (budget[0] <= 0) {
                    return paid;
                }
                int max = Math.min(MAX_PERIODS_PER_PASS, budget[0]);
                int[] done = unitOfWork.write(tx -> {
                    Optional<Stake> locked = stakes.lock(tx, due.id());
                    Optional<Instant> owedUntil = locked.flatMap(stake -> owedUntil(stake, boundary));
                    if (owedUntil.isEmpty()) {
                        return Outcome.ok(new int[] {0, 0});
                    }
                    Account account = accounts.find(tx, workspaceId, locked.get().accountId()).orElseThrow();
                    Paid after = payUpTo(tx, account, locked.get(), owedUntil.get(), !locked.get().status().earning(), max);
                    stakes.update(tx, after.stake());
                    return Outcome.ok(new int[] {after.periods(),
                            after.stake().totalReward().equals(locked.get().totalReward()) ? 0 : 1});
                }).orElseThrow();
                budget[0] -= Math.max(1, done[0]);
                paid += done[1];
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

    /**
     * The background round: the workspaces with stakes owed rewards, taken in turn after the one the
     * last round ended on, so none waits behind others however many there are; one pass's budget of
     * periods for the whole round.
     */
    public int accrueAllDue() {
        int[] budget = {paymentsPerPass};
        long after = roundCursor.get();
        List<Long> round = unitOfWork.read(tx -> stakes.workspacesWithActiveStakes(tx, after, workspacesPerRound));
        long last = round.size() < workspacesPerRound ? 0 : round.getLast();
        int paid = 0;
        for (long workspaceId : round) {
            try {
                paid += accrueDue(workspaceId, budget);
            } catch (RuntimeException e) {
                // One workspace's failure must not stop the rounds of all the workspaces after it.
                LOG.log(System.Logger.Level.WARNING, "staking rewards of workspace " + workspaceId + " failed", e);
            }
            if (budget[0] <= 0) {
                last = workspaceId;
                break;
            }
        }
        roundCursor.set(last);
        return paid;
    }

    /**
     * Pays a stopping stake (its stopping transaction confirmed, inside block production) up to the
     * stop, the last period pro rata, but at most {@link #MAX_PERIODS_AT_STOP} periods: a block
     * confirming many stops must stay small; the passes pay the rest, exactly, up to the stop.
     * Answers the stake as paid, for the caller to store.
     */
    Stake payAtStop(Tx tx, Account account, Stake stake, Instant stop) {
        return payUpTo(tx, account, stake, stop, true, MAX_PERIODS_AT_STOP).stake();
    }

    /** A stake as paid, and the number of periods (or parts of one) the payment covered. */
    record Paid(Stake stake, int periods) {
    }

    /**
     * Pays a stake's rewards for each period end after it was last paid, up to {@code until}; with
     * {@code partial}, also the seconds from the last period end to {@code until} (a stake that
     * stops); at most {@code maxPeriods} of them. Writes reward rows and ledger credits.
     */
    private Paid payUpTo(Tx tx, Account account, Stake stake, Instant until, boolean partial, int maxPeriods) {
        if (stake.accruedUntil().isEmpty()) {
            return new Paid(stake, 0);
        }
        Chain chain = stake.chain();
        int rate = rate(tx, stake.workspaceId(), chain);
        BigInteger base = earningBalance(stake);
        Instant from = stake.accruedUntil().get();
        BigInteger carry = stake.carry();
        Amount total = stake.totalReward();
        List<RewardMath.Segment> segments = RewardMath.segments(chain, from, until, partial, maxPeriods);
        for (RewardMath.Segment segment : segments) {
            RewardMath.Accrual accrual = RewardMath.accrue(base, rate, segment.seconds(), carry);
            carry = accrual.carry();
            Outcome<Amount> newTotal = new Amount(accrual.reward()).plusWithin(total, "the stake's rewards");
            // A balance holds at most 2^256-1 base units: a reward the account (or the stake's total)
            // cannot hold is not paid, and the period is passed over rather than failing every pass.
            if (accrual.reward().signum() > 0 && newTotal.isOk() && ledger.post(tx, Postings.credited(stake.workspaceId(),
                    Optional.empty(), "STAKE_REWARD", account.asset(), account.id(), new Amount(accrual.reward()),
                    segment.end()), Map.of()).isOk()) {
                total = newTotal.orElseThrow();
                stakes.addReward(tx, stake.workspaceId(), new Reward(0, stake.id(), stake.uid(), stake.accountId(),
                        segment.period(), chain.periodStart(segment.period()), segment.end(), new Amount(accrual.reward()),
                        new Amount(base), total, rate));
            }
            from = segment.end();
        }
        return new Paid(stake.paid(from, carry, total), segments.size());
    }

    /** What earns: the stake's amount, less a Solana stake account's rent-exempt reserve. */
    public static BigInteger earningBalance(Stake stake) {
        return stake.chain() == Chain.SOLANA
                ? stake.amount().value().subtract(StakeLifecycle.SOLANA_RENT_EXEMPT_RESERVE).max(BigInteger.ZERO)
                : stake.amount().value();
    }
}
