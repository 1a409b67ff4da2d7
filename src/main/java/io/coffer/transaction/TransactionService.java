package io.coffer.transaction;

import io.coffer.account.Account;
import io.coffer.account.AccountAddress;
import io.coffer.account.AccountService;
import io.coffer.account.Accounts;
import io.coffer.common.Amount;
import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.common.UnitOfWork;
import io.coffer.currency.Currency;
import io.coffer.currency.CurrencyCatalog;
import io.coffer.keys.AccountKeys;
import io.coffer.keys.RandomChainData;
import io.coffer.ledger.LedgerService;
import io.coffer.ledger.Postings;
import io.coffer.network.Block;
import io.coffer.network.Networks;
import io.coffer.workspace.WorkspaceService;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Transactions on the simulated networks: deposits arrive unconfirmed in the mempool, blocks
 * include them, and once a transaction has its confirmations its amount moves from incoming to
 * confirmed in the ledger, in the same database transaction as the block.
 */
public final class TransactionService {

    /** Outputs below this many base units cost more to spend than they hold (Bitcoin's dust limit). */
    static final Amount DUST_LIMIT = Amount.of(546);
    private static final int MAX_BLOCKS = 1000;

    private final UnitOfWork unitOfWork;
    private final Accounts accounts;
    private final AccountService accountService;
    private final Transactions transactions;
    private final Networks networks;
    private final LedgerService ledger;
    private final CurrencyCatalog catalog;
    private final WorkspaceService workspaces;
    private final RandomChainData chainData;
    private final InstantSource clock;

    public TransactionService(UnitOfWork unitOfWork, Accounts accounts, AccountService accountService,
                              Transactions transactions, Networks networks, LedgerService ledger, CurrencyCatalog catalog,
                              WorkspaceService workspaces, RandomChainData chainData, InstantSource clock) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.accountService = accountService;
        this.transactions = transactions;
        this.networks = networks;
        this.ledger = ledger;
        this.catalog = catalog;
        this.workspaces = workspaces;
        this.chainData = chainData;
        this.clock = clock;
    }

    /** A deposit from outside: an unconfirmed RECEIVE in the network's mempool. */
    public Outcome<TransactionDetails> deposit(Caller caller, long accountId, Amount amount, Optional<String> sender) {
        if (amount.isZero()) {
            return Outcome.invalid("amount must be more than 0");
        }
        Instant now = caller.clock(clock).now();
        return unitOfWork.write(tx -> {
            Optional<Account> visible = accounts.findVisible(tx, caller, accountId);
            if (visible.isEmpty()) {
                return Outcome.notFound("account " + accountId + " not found");
            }
            Account account = accounts.lock(tx, caller.workspaceId(), accountId).orElseThrow();
            Currency currency = accountService.currencyOf(account);
            if (sender.isPresent() && !currency.addresses().isValid(sender.get())) {
                return Outcome.invalid("sender is not a valid " + currency.name() + " address");
            }
            String recipient = account.address();
            if (currency.utxo()) {
                advanceFreshAddress(tx, account, currency);
            }
            Transaction draft = new Transaction(0, caller.workspaceId(), account.id(), TransactionType.RECEIVE,
                    TransactionStatus.SUBMITTED, amount, Optional.empty(), Optional.empty(), account.currency(),
                    account.currency(), Optional.of(recipient), List.of(sender.orElseGet(() -> chainData.address(currency))),
                    Optional.of(chainData.transactionHash(currency)), Optional.empty(), currency.confirmations(),
                    caller.userId(), now, Optional.of(now), Optional.empty());
            long id = transactions.create(tx, draft);
            return ledger.post(tx, Postings.receivePending(caller.workspaceId(), id, account.asset(), account.id(), amount, now),
                            Map.of())
                    .map(balances -> details(tx, transactions.find(tx, caller.workspaceId(), id).orElseThrow(), account));
        });
    }

    /** Produces blocks on a network: the first includes the mempool; confirmed transactions settle. */
    public Outcome<Block> mine(Caller caller, String network, int count) {
        Optional<Currency> currency = catalog.currency(network).filter(found -> !found.fiat());
        if (currency.isEmpty()) {
            return Outcome.notFound("no network named '" + network + "'");
        }
        if (count < 1 || count > MAX_BLOCKS) {
            return Outcome.invalid("count must be between 1 and " + MAX_BLOCKS);
        }
        Instant now = caller.clock(clock).now();
        return unitOfWork.write(tx -> {
            Block tip = networks.lockTip(tx, caller.workspaceId(), network).orElseThrow(
                    () -> new IllegalStateException("workspace " + caller.workspaceId() + " lacks network " + network));
            for (int i = 1; i <= count; i++) {
                tip = new Block(tip.height() + 1, chainData.blockHash(currency.get()), now);
                if (i == 1) {
                    transactions.include(tx, caller.workspaceId(), network, tip);
                }
            }
            networks.setTip(tx, caller.workspaceId(), network, tip);
            for (Transaction pending : transactions.unconfirmedInBlocks(tx, caller.workspaceId(), network)) {
                if (pending.confirmations(tip.height()) >= pending.minConfirmations()) {
                    settle(tx, pending, currency.get(), now);
                }
            }
            return Outcome.ok(tip);
        });
    }

    public Outcome<TransactionDetails> get(Caller caller, long transactionId) {
        return unitOfWork.read(tx -> transactions.findVisible(tx, caller, transactionId)
                .map(found -> Outcome.ok(details(tx, found, accounts.find(tx, caller.workspaceId(), found.accountId())
                        .orElseThrow())))
                .orElseGet(() -> Outcome.notFound("transaction " + transactionId + " not found")));
    }

    /** Confirms a transaction; its ledger posting cannot fail, since incoming holds its amount. */
    private void settle(Tx tx, Transaction pending, Currency currency, Instant now) {
        transactions.markConfirmed(tx, pending.id(), now);
        if (pending.type() != TransactionType.RECEIVE) {
            return;
        }
        Account account = accounts.find(tx, pending.workspaceId(), pending.accountId()).orElseThrow();
        boolean dust = currency.utxo() && !pending.amount().isAtLeast(DUST_LIMIT);
        ledger.post(tx, Postings.receiveConfirmed(pending.workspaceId(), pending.id(), account.asset(), account.id(),
                        pending.amount(), now), dust ? Map.of(account.id(), pending.amount()) : Map.of())
                .orElseThrow();
    }

    /** A UTXO account receives each deposit on a new address: the next receive index becomes fresh. */
    private void advanceFreshAddress(Tx tx, Account account, Currency currency) {
        int next = account.freshIndex() + 1;
        var derived = AccountKeys.address(workspaces.keys(account.workspaceId()).seed(), currency, account.index(), 0, next);
        accounts.setFresh(tx, account.id(), new AccountAddress(0, next, derived.address(), derived.path().toString()));
    }

    private TransactionDetails details(Tx tx, Transaction transaction, Account account) {
        long height = networks.tip(tx, transaction.workspaceId(), transaction.network()).map(Block::height).orElse(0L);
        return new TransactionDetails(transaction, account.index(), transaction.confirmations(height),
                accountService.currencyOf(account).family());
    }
}
