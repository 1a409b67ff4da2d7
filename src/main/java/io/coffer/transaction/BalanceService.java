package io.coffer.transaction;

import io.coffer.account.Account;
import io.coffer.account.Accounts;
import io.coffer.account.AccountService;
import io.coffer.common.Amount;
import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Problem;
import io.coffer.common.UnitOfWork;
import io.coffer.currency.Currency;
import io.coffer.ledger.Balance;
import io.coffer.ledger.HistoryGrid;
import io.coffer.ledger.LedgerService;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Balances as the API reports them, and their history. Current balances are one cached row (plus,
 * for Bitcoin-like accounts, the sums of unconfirmed transactions); a history is one index seek
 * per sample date, whatever the number of ledger entries.
 */
public final class BalanceService {

    private final UnitOfWork unitOfWork;
    private final Accounts accounts;
    private final AccountService accountService;
    private final Transactions transactions;
    private final LedgerService ledger;
    private final InstantSource clock;
    private final StakedBalances staked;
    private final BalanceCache cache;

    public BalanceService(UnitOfWork unitOfWork, Accounts accounts, AccountService accountService,
                          Transactions transactions, LedgerService ledger, InstantSource clock) {
        this(unitOfWork, accounts, accountService, transactions, ledger, clock, StakedBalances.NONE);
    }

    /** @param staked the stakes of Solana accounts, which report {@code SolanaBalances} */
    public BalanceService(UnitOfWork unitOfWork, Accounts accounts, AccountService accountService,
                          Transactions transactions, LedgerService ledger, InstantSource clock, StakedBalances staked) {
        this(unitOfWork, accounts, accountService, transactions, ledger, clock, staked, BalanceCache.OFF);
    }

    /** @param cache current balances kept in memory, when this process is its database's only writer */
    public BalanceService(UnitOfWork unitOfWork, Accounts accounts, AccountService accountService,
                          Transactions transactions, LedgerService ledger, InstantSource clock, StakedBalances staked,
                          BalanceCache cache) {
        this.cache = cache;
        this.staked = staked;
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.accountService = accountService;
        this.transactions = transactions;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * The account's balances. For a caller who sees every account, a plain account's balances come
     * from the {@link BalanceCache} when it holds them (it is on only where this process is the sole
     * writer), without a database read.
     */
    public Outcome<BalanceReport> balances(Caller caller, long accountId) {
        if (caller.seesEverything()) {
            Optional<Accounts.AccountBalance> cached = cache.find(caller.workspaceId(), accountId);
            if (cached.isPresent()) {
                return Outcome.ok(new BalanceReport.Standard(cached.get().balance()));
            }
        }
        long changesBefore = cache.changesSoFar();
        return unitOfWork.read(tx -> {
            Optional<Accounts.AccountBalance> found = accounts.findVisibleWithBalance(tx, caller, accountId);
            if (found.isEmpty()) {
                return Outcome.notFound("account " + accountId + " not found");
            }
            BalanceReport report = report(tx, found.get());
            if (report instanceof BalanceReport.Standard) {
                // Only reports that are the balance row alone are remembered: the others read more.
                cache.remember(changesBefore, found.get());
            }
            return Outcome.ok(report);
        });
    }

    private BalanceReport report(io.coffer.common.Tx tx, Accounts.AccountBalance found) {
        Balance balance = found.balance();
        long accountId = found.account().id();
        Currency currency = accountService.currencyOf(found.account());
        if (currency.family() == io.coffer.currency.Family.SOLANA && !found.account().isToken()) {
            return new BalanceReport.Solana(balance, staked.solana(tx, accountId));
        }
        if (currency.utxo()) {
            return new BalanceReport.Utxo(balance, transactions.pendingFlows(tx, accountId));
        }
        return new BalanceReport.Standard(balance);
    }

    /**
     * The confirmed balance between two dates (end defaults to now on the workspace clock, start to
     * 30 days before end).
     */
    public Outcome<BalanceHistory> history(Caller caller, long accountId, Optional<Instant> start, Optional<Instant> end) {
        Instant to = end.orElseGet(() -> caller.clock(clock).now());
        Instant from = start.orElse(to.minus(HistoryGrid.DEFAULT_SPAN));
        return unitOfWork.read(tx -> {
            Optional<Account> account = accounts.findVisible(tx, caller, accountId);
            if (account.isEmpty()) {
                return Outcome.notFound("account " + accountId + " not found");
            }
            Currency currency = accountService.currencyOf(account.get());
            if (!currency.balanceHistorySupported()) {
                return Outcome.failed(Problem.unsupported("balance history is not supported for " + currency.name()));
            }
            if (from.isAfter(to)) {
                return Outcome.invalid("start must not be after end");
            }
            List<Instant> dates = HistoryGrid.samples(from, to);
            List<Amount> values = ledger.confirmedHistory(tx, accountId, dates);
            List<BalanceHistory.Point> points = new ArrayList<>(dates.size());
            for (int i = 0; i < dates.size(); i++) {
                points.add(new BalanceHistory.Point(dates.get(i), values.get(i)));
            }
            return Outcome.ok(new BalanceHistory(account.get(), currency, accountService.tokenOf(account.get()), points));
        });
    }
}
