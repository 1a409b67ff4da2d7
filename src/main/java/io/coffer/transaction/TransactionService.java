package io.coffer.transaction;

import io.coffer.account.Account;
import io.coffer.account.AccountAddress;
import io.coffer.account.AccountService;
import io.coffer.account.Accounts;
import io.coffer.common.Amount;
import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.compliance.ComplianceService;
import io.coffer.compliance.TransactionScreenings;
import io.coffer.event.Event;
import io.coffer.event.EventType;
import io.coffer.event.Outbox;
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
    private final Utxos utxos;
    private final SendService sends;
    private final InstantSource clock;
    private final Outbox outbox;
    private final SettlementHook otherSettlements;
    private final ComplianceService compliance;
    private final TransactionScreenings screenings;

    public TransactionService(UnitOfWork unitOfWork, Accounts accounts, AccountService accountService,
                              Transactions transactions, Networks networks, LedgerService ledger, CurrencyCatalog catalog,
                              WorkspaceService workspaces, RandomChainData chainData, Utxos utxos, SendService sends,
                              InstantSource clock, Outbox outbox, ComplianceService compliance,
                              TransactionScreenings screenings) {
        this(unitOfWork, accounts, accountService, transactions, networks, ledger, catalog, workspaces, chainData, utxos,
                sends, clock, outbox, compliance, screenings, SettlementHook.NONE);
    }

    /** @param otherSettlements settles outgoing transactions made outside the send path (staking) */
    public TransactionService(UnitOfWork unitOfWork, Accounts accounts, AccountService accountService,
                              Transactions transactions, Networks networks, LedgerService ledger, CurrencyCatalog catalog,
                              WorkspaceService workspaces, RandomChainData chainData, Utxos utxos, SendService sends,
                              InstantSource clock, Outbox outbox, ComplianceService compliance,
                              TransactionScreenings screenings, SettlementHook otherSettlements) {
        this.otherSettlements = otherSettlements;
        this.outbox = outbox;
        this.compliance = compliance;
        this.screenings = screenings;
        this.utxos = utxos;
        this.sends = sends;
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

    /**
     * A deposit from outside: an unconfirmed RECEIVE in the network's mempool. A sender on the
     * sanctions or high-risk list does not stop it (the chain made it): the transaction is flagged
     * and {@code NEW_TRANSACTION_HAS_BEEN_SCORED} follows its received event.
     */
    public Outcome<TransactionDetails> deposit(Caller caller, long accountId, Amount amount, Optional<String> sender) {
        if (amount.isZero()) {
            return Outcome.invalid("amount must be more than 0");
        }
        Instant now = caller.clock(clock).now();
        return unitOfWork.write(tx -> {
            Optional<Account> visible = accounts.lockVisible(tx, caller, accountId);
            if (visible.isEmpty()) {
                return Outcome.notFound("account " + accountId + " not found");
            }
            Account account = visible.get();
            if (account.status() != io.coffer.account.AccountStatus.ACTIVE) {
                return Outcome.invalid("account " + accountId + " is " + account.status() + ": deposits go to active accounts");
            }
            return receive(tx, account, amount, sender, Optional.empty(), caller.userId(), now)
                    .map(received -> details(tx, received, account, sender.isPresent()));
        });
    }

    /**
     * An unconfirmed RECEIVE of {@code amount} on a locked, active account, inside the caller's
     * transaction: a deposit, or the arrival of a send between two accounts of the workspace (same
     * hash as the send, so both confirm in the same block).
     */
    public Outcome<Transaction> receive(Tx tx, Account account, Amount amount, Optional<String> sender,
                                        Optional<String> txHash, long createdBy, Instant now) {
        Currency currency = accountService.currencyOf(account);
        if (currency.utxo() && amount.value().compareTo(SendService.MAX_OUTPUT) > 0) {
            return Outcome.invalid("amount is above what one " + currency.name() + " output can carry, "
                    + SendService.MAX_OUTPUT);
        }
        if (sender.isPresent() && !currency.addresses().isValid(sender.get())) {
            return Outcome.invalid("sender is not a valid " + currency.name() + " address");
        }
        String recipient = account.address();
        if (currency.utxo()) {
            advanceFreshAddress(tx, account, currency);
        }
        String hash = txHash.orElseGet(() -> chainData.transactionHash(currency));
        Transaction draft = new Transaction(0, account.workspaceId(), account.id(), TransactionType.RECEIVE,
                TransactionStatus.SUBMITTED, amount, Optional.empty(), Optional.empty(), account.currency(),
                account.currency(), Optional.of(recipient), List.of(sender.orElseGet(() -> chainData.address(currency))),
                Optional.of(hash), Optional.empty(), currency.confirmations(), createdBy, now,
                Optional.of(now), Optional.empty(), Optional.empty());
        long id = transactions.create(tx, draft);
        outbox.record(tx, Event.of(account.workspaceId(), EventType.NEW_TRANSACTION_HAS_BEEN_RECEIVED, id,
                Optional.of(account.id()), now));
        sender.flatMap(from -> compliance.screen(account.workspaceId(), id, from, now)).ifPresent(screening -> {
            screenings.save(tx, account.workspaceId(), id, screening);
            outbox.record(tx, Event.of(account.workspaceId(), EventType.NEW_TRANSACTION_HAS_BEEN_SCORED, id,
                    Optional.of(account.id()), now));
        });
        if (currency.utxo()) {
            AccountAddress received = accounts.address(tx, account.id(), 0, account.freshIndex()).orElseThrow();
            utxos.add(tx, new Utxo(0, account.id(), hash, 0, amount, received.address(), received.derivationPath(),
                    false), id);
        }
        return ledger.post(tx, Postings.receivePending(account.workspaceId(), id, account.asset(), account.id(), amount, now),
                        Map.of())
                .map(balances -> transactions.find(tx, account.workspaceId(), id).orElseThrow());
    }

    /** Produces blocks on a network: the first includes the mempool; confirmed transactions settle. */
    public Outcome<Block> mine(Caller caller, String network, int count) {
        return mineAt(caller.workspaceId(), network, count, caller.clock(clock).now());
    }

    /** Produces {@code count} blocks on a workspace's network, the last at {@code at}. */
    private Outcome<Block> mineAt(long workspaceId, String network, int count, Instant at) {
        Optional<Currency> currency = catalog.currency(network).filter(found -> !found.fiat());
        if (currency.isEmpty()) {
            return Outcome.notFound("no network named '" + network + "'");
        }
        if (count < 1 || count > MAX_BLOCKS) {
            return Outcome.invalid("count must be between 1 and " + MAX_BLOCKS);
        }
        return unitOfWork.write(tx -> Outcome.ok(extend(tx, workspaceId, currency.get(), lockTip(tx, workspaceId, network),
                count, at)));
    }

    private Block lockTip(Tx tx, long workspaceId, String network) {
        return networks.lockTip(tx, workspaceId, network).orElseThrow(
                () -> new IllegalStateException("workspace " + workspaceId + " lacks network " + network));
    }

    /** Adds blocks after the locked tip: the first takes in the mempool; sends and deposits that reach their confirmations settle. */
    private Block extend(Tx tx, long workspaceId, Currency currency, Block tip, int count, Instant at) {
        String network = currency.name();
        for (int i = 1; i <= count; i++) {
            tip = new Block(tip.height() + 1, chainData.blockHash(currency), at);
            if (i == 1) {
                transactions.include(tx, workspaceId, network, tip);
            }
        }
        networks.setTip(tx, workspaceId, network, tip);
        for (Transaction pending : transactions.unconfirmedInBlocks(tx, workspaceId, network)) {
            if (pending.confirmations(tip.height()) >= pending.minConfirmations()) {
                settle(tx, pending, currency, at);
            }
        }
        return tip;
    }

    public io.coffer.common.Page<TransactionDetails> search(Caller caller, TransactionFilter filter,
                                                           io.coffer.common.PageRequest page) {
        return unitOfWork.read(tx -> {
            io.coffer.common.Page<Transaction> found = transactions.search(tx, caller, filter, page);
            java.util.Map<Long, Account> owners = new java.util.HashMap<>();
            java.util.Map<String, Long> heights = networks.heights(tx, caller.workspaceId(),
                    found.items().stream().map(Transaction::network).distinct().toList());
            var flags = screenings.find(tx, caller.workspaceId(), found.items().stream().map(Transaction::id).toList());
            return found.map(t -> {
                Account account = owners.computeIfAbsent(t.accountId(),
                        id -> accounts.find(tx, caller.workspaceId(), id).orElseThrow());
                return new TransactionDetails(t, account.index(), t.confirmations(heights.getOrDefault(t.network(), 0L)),
                        accountService.currencyOf(account).family(), Optional.ofNullable(flags.get(t.id())));
            });
        });
    }

    /** Prices a send without reserving anything ({@code POST /transactions/estimate-fees}). */
    public Outcome<SendService.Estimate> estimate(Caller caller, SendIntent intent) {
        return unitOfWork.read(tx -> sends.estimate(tx, caller, intent));
    }

    /** The signed bytes (hex) of an outgoing transaction, once signed. */
    public Outcome<String> raw(Caller caller, long transactionId) {
        return unitOfWork.read(tx -> transactions.findVisible(tx, caller, transactionId)
                .map(found -> found.send().flatMap(Transaction.Send::rawTransaction)
                        .map(Outcome::ok)
                        .orElseGet(() -> Outcome.<String>notFound("transaction " + transactionId + " has no signed form")))
                .orElseGet(() -> Outcome.notFound("transaction " + transactionId + " not found")));
    }

    /** Sets a network's simulation settings (failure rate of broadcasts, block interval). */
    public Outcome<Networks.Settings> configure(Caller caller, String network, Optional<java.math.BigDecimal> failureRate,
                                                Optional<Long> blockIntervalSeconds, boolean intervalGiven) {
        if (catalog.currency(network).filter(found -> !found.fiat()).isEmpty()) {
            return Outcome.notFound("no network named '" + network + "'");
        }
        if (failureRate.isPresent() && (failureRate.get().signum() < 0 || failureRate.get().compareTo(java.math.BigDecimal.ONE) > 0)) {
            return Outcome.invalid("failure_rate must be between 0 and 1");
        }
        Instant now = caller.clock(clock).now();
        if (blockIntervalSeconds.isPresent() && (blockIntervalSeconds.get() < 1 || blockIntervalSeconds.get() > 86_400)) {
            return Outcome.invalid("block_interval_seconds must be between 1 and 86400");
        }
        return unitOfWork.write(tx -> {
            Networks.Settings current = networks.settings(tx, caller.workspaceId(), network);
            Networks.Settings next = new Networks.Settings(
                    failureRate.map(rate -> rate.setScale(4, java.math.RoundingMode.HALF_UP)).orElse(current.failureRate()),
                    intervalGiven ? blockIntervalSeconds.map(Long::intValue) : current.blockIntervalSeconds());
            networks.configure(tx, caller.workspaceId(), network, next, now);
            return Outcome.ok(next);
        });
    }

    /**
     * Produces the blocks that networks with a block interval owe by now on their workspace's clock;
     * run periodically. Blocks are owed from the later of the last block and the moment the timer was
     * turned on or changed (turning a timer on never mines the past). The tip keeps the time its last
     * block was due, so blocks owed are never lost between runs; a gap longer than the sandbox's block
     * limit (the clock moved far) is compressed into one batch ending now. Concurrent instances are safe: mining locks the network's tip, and a tip that moved in the
     * meantime only makes fewer blocks due.
     */
    public int produceDueBlocks() {
        return produceDueBlocks(network -> true);
    }

    /** The blocks one workspace's timed networks owe (after its clock moved). */
    public int produceDueBlocks(long workspaceId) {
        return produceDueBlocks(network -> network.workspaceId() == workspaceId);
    }

    private int produceDueBlocks(java.util.function.Predicate<Networks.Timed> which) {
        int produced = 0;
        // One network that fails (a bug, a database error) must not stop the blocks of the networks after it:
        // each is its own transaction, and the first failure is raised once every network had its turn.
        RuntimeException failed = null;
        for (Networks.Timed network : unitOfWork.read(networks::timed)) {
            try {
                produced += produceDueBlocks(network, which);
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
        return produced;
    }

    private int produceDueBlocks(Networks.Timed network, java.util.function.Predicate<Networks.Timed> which) {
        Instant now = new io.coffer.common.WorkspaceClock(clock,
                java.time.Duration.ofMillis(network.clockOffsetMillis())).now();
        if (!which.test(network) || java.time.Duration.between(network.since(), now).toSeconds() < network.intervalSeconds()) {
            return 0;
        }
        Currency currency = catalog.currency(network.name()).orElseThrow();
        return unitOfWork.write(tx -> {
            // What is due is decided under the tip's lock, so two instances never both produce it.
            Block tip = lockTip(tx, network.workspaceId(), network.name());
            Instant since = networks.timerSince(tx, network.workspaceId(), network.name())
                    .filter(started -> started.isAfter(tip.time())).orElse(tip.time());
            long due = java.time.Duration.between(since, now).toSeconds() / network.intervalSeconds();
            if (due <= 0) {
                return Outcome.ok(0);
            }
            int count = (int) Math.min(MAX_BLOCKS, due);
            Instant at = due > MAX_BLOCKS ? now : since.plusSeconds(due * network.intervalSeconds());
            extend(tx, network.workspaceId(), currency, tip, count, at);
            return Outcome.ok(count);
        }).orElseThrow();
    }

    public Outcome<TransactionDetails> get(Caller caller, long transactionId) {
        return unitOfWork.read(tx -> transactions.findVisible(tx, caller, transactionId)
                .map(found -> Outcome.ok(details(tx, found, accounts.find(tx, caller.workspaceId(), found.accountId())
                        .orElseThrow())))
                .orElseGet(() -> Outcome.notFound("transaction " + transactionId + " not found")));
    }

    /** Confirms a transaction; its ledger postings cannot fail: what they move is held or reserved. */
    private void settle(Tx tx, Transaction pending, Currency currency, Instant now) {
        transactions.markConfirmed(tx, pending.id(), now);
        if (SettlementHook.handles(pending)) {
            otherSettlements.settle(tx, pending, now);
            return;
        }
        if (pending.type() != TransactionType.RECEIVE) {
            sends.settle(tx, pending, now);
            return;
        }
        if (currency.utxo()) {
            utxos.confirm(tx, pending.id());
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
        return details(tx, transaction, account, true);
    }

    /**
     * @param mayBeScreened false when the caller knows no screening was recorded (a deposit without
     *     a sender): the lookup is skipped. So is the tip's, for a transaction in no block yet (no
     *     confirmations whatever the height): both ran on the embedded database's single writer for
     *     every deposit.
     */
    private TransactionDetails details(Tx tx, Transaction transaction, Account account, boolean mayBeScreened) {
        int confirmations = transaction.block().isEmpty() ? 0 : transaction.confirmations(
                networks.tip(tx, transaction.workspaceId(), transaction.network()).map(Block::height).orElse(0L));
        Optional<io.coffer.compliance.TransactionScreening> screening = mayBeScreened
                ? Optional.ofNullable(screenings.find(tx, transaction.workspaceId(), List.of(transaction.id())).get(transaction.id()))
                : Optional.empty();
        return new TransactionDetails(transaction, account.index(), confirmations, accountService.currencyOf(account).family(),
                screening);
    }
}
