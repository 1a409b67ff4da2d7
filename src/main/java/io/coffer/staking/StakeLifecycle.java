package io.coffer.staking;

import io.coffer.account.Account;
import io.coffer.account.AccountService;
import io.coffer.account.AccountStatus;
import io.coffer.account.Accounts;
import io.coffer.common.Amount;
import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.common.WorkspaceKind;
import io.coffer.currency.Currency;
import io.coffer.event.Event;
import io.coffer.event.EventType;
import io.coffer.event.Outbox;
import io.coffer.keys.RandomChainData;
import io.coffer.ledger.LedgerService;
import io.coffer.ledger.Postings;
import io.coffer.transaction.SettlementHook;
import io.coffer.transaction.Transaction;
import io.coffer.transaction.TransactionStatus;
import io.coffer.transaction.Transactions;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The life of a staking transaction, each step inside the governing request's database
 * transaction: asked (the amount and the fee are reserved, a new stake is PENDING), approved
 * (signed and broadcast to the simulated network), confirmed by blocks (the stake becomes ACTIVE
 * and its amount leaves the balance; closing it brings the amount back), rejected or expired (the
 * reservation is given back).
 */
public final class StakeLifecycle implements SettlementHook {

    /** An Ethereum validator takes exactly 32 ETH. */
    public static final BigInteger ETHEREUM_DEPOSIT = new BigInteger("32000000000000000000");
    /** The Ethereum deposit contract every validator deposit goes to. */
    static final String ETHEREUM_DEPOSIT_CONTRACT = "0x00000000219ab540356cBB839Cbe05303d7705Fa";
    /** The rent a Solana stake account keeps; it earns nothing and comes back on withdrawal. */
    public static final BigInteger SOLANA_RENT_EXEMPT_RESERVE = BigInteger.valueOf(2_282_880);

    /** A staking transaction written and reserved, waiting for its request's approvals. */
    public record Prepared(Transaction transaction, Account account, BigInteger governedAmount) {
    }

    private final Accounts accounts;
    private final AccountService accountService;
    private final Transactions transactions;
    private final LedgerService ledger;
    private final Stakes stakes;
    private final RandomChainData chainData;
    private final StakeKeys keys;
    private final Outbox outbox;
    private final RewardAccrual accrual;

    public StakeLifecycle(Accounts accounts, AccountService accountService, Transactions transactions, LedgerService ledger,
                          Stakes stakes, RandomChainData chainData, Outbox outbox, RewardAccrual accrual) {
        this.accounts = accounts;
        this.accountService = accountService;
        this.transactions = transactions;
        this.ledger = ledger;
        this.stakes = stakes;
        this.chainData = chainData;
        this.keys = new StakeKeys(chainData);
        this.outbox = outbox;
        this.accrual = accrual;
    }

    /** Checks a staking intent, writes its transaction (and a PENDING stake) and reserves what it may spend. */
    public Outcome<Prepared> prepare(Tx tx, Caller caller, StakeIntent intent, Instant now) {
        StakeOperation op = intent.operation();
        if (caller.kind() != WorkspaceKind.SANDBOX) {
            return Outcome.invalid("transaction_type " + op + ": staking runs on the simulated networks of sandbox"
                    + " workspaces only; no live staking network is bound in workspace " + caller.workspaceName());
        }
        Optional<Account> visible = accounts.findVisible(tx, caller, intent.accountId());
        if (visible.isEmpty()) {
            return Outcome.invalid("account " + intent.accountId() + " not found");
        }
        Account account = accounts.lock(tx, caller.workspaceId(), visible.get().id()).orElseThrow();
        if (account.isToken() || Chain.ofCurrency(account.currency()).filter(chain -> chain == op.chain()).isEmpty()) {
            return Outcome.invalid("transaction_type " + op + " needs a " + op.chain().apiName() + " account; account "
                    + account.id() + " is " + account.currency());
        }
        if (account.status() != AccountStatus.ACTIVE) {
            return Outcome.invalid("account " + account.id() + " is " + account.status() + ": only active accounts stake");
        }
        if (!intent.currency().equals(account.currency())) {
            return Outcome.invalid("transaction_data.currency '" + intent.currency() + "' is not the account's currency, "
                    + account.currency());
        }
        if (!intent.accountName().equals(account.name())) {
            return Outcome.invalid("transaction_data.account_name '" + intent.accountName() + "' is not the account's name");
        }
        Amount fee = new Amount(op.chain().fee());
        if (!intent.maxFees().isAtLeast(fee)) {
            return Outcome.invalid("transaction_data.max_fees " + intent.maxFees() + " is below the fee of this transaction, "
                    + fee);
        }
        Currency currency = accountService.currencyOf(account);
        return op.kind() == StakeOperation.Kind.OPEN
                ? open(tx, caller, intent, account, currency, fee, now)
                : act(tx, caller, intent, account, currency, fee, now);
    }

    private Outcome<Prepared> open(Tx tx, Caller caller, StakeIntent intent, Account account, Currency currency, Amount fee,
                                   Instant now) {
        StakeOperation op = intent.operation();
        if (intent.stakeUid().isPresent()) {
            return Outcome.invalid("transaction_data.stake_uid is not taken by " + op + ": it creates a new stake");
        }
        Amount amount = intent.amount().orElse(Amount.ZERO);
        if (amount.isZero()) {
            return Outcome.invalid("transaction_data.amount is required by " + op + " and must be more than 0");
        }
        Outcome<String> validator = StakeKeys.validator(op, intent.validator(), currency);
        if (validator instanceof Outcome.Failed<String> failed) {
            return Outcome.failed(failed.problem());
        }
        if (op.chain() == Chain.ETHEREUM && !amount.value().equals(ETHEREUM_DEPOSIT)) {
            return Outcome.invalid("transaction_data.amount must be " + ETHEREUM_DEPOSIT + " wei (32 ETH): one validator per stake");
        }
        if (op.chain() == Chain.SOLANA && amount.value().compareTo(SOLANA_RENT_EXEMPT_RESERVE) <= 0) {
            return Outcome.invalid("transaction_data.amount must be more than the stake account's rent-exempt reserve, "
                    + SOLANA_RENT_EXEMPT_RESERVE + " lamports");
        }
        Outcome<Amount> reserved = amount.plusWithin(fee, "amount plus fee");
        if (reserved instanceof Outcome.Failed<Amount> failed) {
            return Outcome.failed(failed.problem());
        }
        String stakeAddress = keys.stakeAddress(op.chain(), currency, validator.orElseThrow());
        String recipient = op.chain() == Chain.ETHEREUM ? ETHEREUM_DEPOSIT_CONTRACT : stakeAddress;
        long transactionId = transactions.create(tx, draft(caller, account, currency, op, amount, intent.maxFees(),
                recipient, now));
        String uid = java.util.UUID.nameUUIDFromBytes(("coffer-stake:" + caller.workspaceId() + ":" + transactionId)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        long stakeId = stakes.create(tx, new Stake(0, caller.workspaceId(), account.id(), op.chain(), uid,
                StakeStatus.PENDING, amount, validator.orElseThrow(), stakeAddress, transactionId, caller.userId(), now,
                Optional.empty(), Optional.of(transactionId), Optional.empty(), Optional.empty(), Optional.empty(),
                BigInteger.ZERO, Amount.ZERO));
        return reserve(tx, caller, account, transactionId, stakeId, op, reserved.orElseThrow(), fee, amount, now);
    }

    private Outcome<Prepared> act(Tx tx, Caller caller, StakeIntent intent, Account account, Currency currency, Amount fee,
                                  Instant now) {
        StakeOperation op = intent.operation();
        if (intent.stakeUid().isEmpty()) {
            return Outcome.invalid("transaction_data.stake_uid is required by " + op);
        }
        if (intent.amount().isPresent() || intent.validator().isPresent()) {
            return Outcome.invalid(op + " acts on the whole stake: transaction_data takes no amount and no validator");
        }
        Optional<Stake> found = stakes.findByUid(tx, account.id(), intent.stakeUid().get())
                .flatMap(stake -> stakes.lock(tx, stake.id()));
        if (found.isEmpty()) {
            return Outcome.invalid("transaction_data.stake_uid: account " + account.id() + " has no stake "
                    + intent.stakeUid().get());
        }
        Stake stake = found.get();
        StakeStatus needed = op.kind() == StakeOperation.Kind.WITHDRAW ? StakeStatus.DEACTIVATED : StakeStatus.ACTIVE;
        if (stake.status() != needed || stake.pendingTx().isPresent()) {
            return Outcome.invalid("stake " + stake.uid() + " is " + stake.status()
                    + (stake.pendingTx().isPresent() ? " with transaction " + stake.pendingTx().get() + " pending" : "")
                    + ": " + op + " needs a stake that is " + needed + " with nothing pending");
        }
        Amount amount = op.kind() == StakeOperation.Kind.DEACTIVATE ? Amount.ZERO : stake.amount();
        String recipient = op.kind() == StakeOperation.Kind.DEACTIVATE ? stake.address() : account.address();
        long transactionId = transactions.create(tx, draft(caller, account, currency, op, amount, intent.maxFees(),
                recipient, now));
        stakes.update(tx, stake.withPendingTx(Optional.of(transactionId)));
        return reserve(tx, caller, account, transactionId, stake.id(), op, fee, fee, stake.amount(), now);
    }

    private Outcome<Prepared> reserve(Tx tx, Caller caller, Account account, long transactionId, long stakeId,
                                      StakeOperation op, Amount reserved, Amount fee, Amount governed, Instant now) {
        stakes.addAction(tx, caller.workspaceId(), new Stakes.Action(transactionId, stakeId, op, reserved, fee));
        Outcome<?> posted = ledger.post(tx, Postings.reserve(caller.workspaceId(), transactionId, account.asset(),
                account.id(), reserved, now), Map.of());
        if (!posted.isOk()) {
            return Outcome.invalid("insufficient funds: the account cannot cover " + reserved + " (amount and fee)");
        }
        return Outcome.ok(new Prepared(transactions.find(tx, caller.workspaceId(), transactionId).orElseThrow(), account,
                governed.value()));
    }

    private static Transaction draft(Caller caller, Account account, Currency currency, StakeOperation op, Amount amount,
                                     Amount maxFees, String recipient, Instant now) {
        return new Transaction(0, caller.workspaceId(), account.id(), op.transactionType(),
                TransactionStatus.PENDING_APPROVAL, amount, Optional.empty(), Optional.of(maxFees), account.currency(),
                account.currency(), Optional.of(recipient), List.of(account.address()), Optional.empty(), Optional.empty(),
                currency.confirmations(), caller.userId(), now, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Links the request to its transaction's stake. */
    public void requested(Tx tx, long workspaceId, long transactionId, long requestId) {
        transactions.setRequest(tx, transactionId, requestId);
        Stakes.Action action = stakes.action(tx, transactionId).orElseThrow();
        Stake stake = stakes.lock(tx, action.stakeId()).orElseThrow();
        stakes.update(tx, stake.withLastRequest(requestId));
    }

    /** Whether a transaction is a staking one (it has a stake action). */
    public boolean isStaking(Tx tx, long transactionId) {
        return stakes.action(tx, transactionId).isPresent();
    }

    /** At approval: the account still stakes, and the stake is still in the state the request found. */
    public Outcome<Void> check(Tx tx, long workspaceId, long transactionId) {
        Transaction pending = transactions.find(tx, workspaceId, transactionId).orElseThrow();
        Account account = accounts.find(tx, workspaceId, pending.accountId()).orElseThrow();
        if (account.status() != AccountStatus.ACTIVE) {
            return Outcome.invalid("account " + account.id() + " is " + account.status() + " and stakes nothing");
        }
        return Outcome.ok(null);
    }

    /** What the account's rules govern for a staking transaction: its stake's amount. */
    public BigInteger governedAmount(Tx tx, long workspaceId, long transactionId) {
        Stakes.Action action = stakes.action(tx, transactionId).orElseThrow();
        return stakes.find(tx, workspaceId, action.stakeId()).orElseThrow().amount().value();
    }

    /** The request is approved: signed and broadcast to the simulated network; the stake is on its way. */
    public Transaction approved(Tx tx, long workspaceId, long transactionId, Instant now) {
        Transaction pending = transactions.find(tx, workspaceId, transactionId).orElseThrow();
        Stakes.Action action = stakes.action(tx, transactionId).orElseThrow();
        Account account = accounts.find(tx, workspaceId, pending.accountId()).orElseThrow();
        Currency currency = accountService.currencyOf(account);
        Transaction submitted = new Transaction(pending.id(), pending.workspaceId(), pending.accountId(), pending.type(),
                TransactionStatus.SUBMITTED, pending.amount(), Optional.of(action.fee()), pending.maxFees(),
                pending.currency(), pending.network(), pending.recipient(), pending.senders(),
                Optional.of(chainData.transactionHash(currency)), Optional.empty(), pending.minConfirmations(),
                pending.createdBy(), pending.createdOn(), Optional.of(now), Optional.empty(), Optional.empty());
        transactions.update(tx, submitted);
        Stake stake = stakes.lock(tx, action.stakeId()).orElseThrow();
        StakeStatus next = switch (action.operation().kind()) {
            case OPEN -> StakeStatus.ACTIVATING;
            case DEACTIVATE, CLOSE -> StakeStatus.DEACTIVATING;
            case WITHDRAW -> stake.status();
        };
        stakes.update(tx, stake.withStatus(next));
        outbox.record(tx, Event.of(workspaceId, EventType.NEW_TRANSACTION_HAS_BEEN_SIGNED, transactionId,
                Optional.of(account.id()), now));
        outbox.record(tx, Event.of(workspaceId, EventType.NEW_TRANSACTION_HAS_BEEN_BROADCASTED, transactionId,
                Optional.of(account.id()), now));
        return submitted;
    }

    /** The request was rejected or expired: the reservation comes back; a stake it would have created is ABORTED. */
    public void abort(Tx tx, long workspaceId, long transactionId, Instant now) {
        Transaction pending = transactions.find(tx, workspaceId, transactionId).orElseThrow();
        if (pending.status() != TransactionStatus.PENDING_APPROVAL) {
            return;
        }
        Stakes.Action action = stakes.action(tx, transactionId).orElseThrow();
        Account account = accounts.find(tx, workspaceId, pending.accountId()).orElseThrow();
        ledger.post(tx, Postings.release(workspaceId, transactionId, account.asset(), account.id(), action.reserved(), now),
                Map.of()).orElseThrow();
        transactions.update(tx, withStatus(pending, TransactionStatus.REJECTED, Optional.empty()));
        Stake stake = stakes.lock(tx, action.stakeId()).orElseThrow();
        stakes.update(tx, (action.operation().kind() == StakeOperation.Kind.OPEN ? stake.withStatus(StakeStatus.ABORTED)
                : stake).withPendingTx(Optional.empty()));
        outbox.record(tx, Event.of(workspaceId, EventType.NEW_TRANSACTION_HAS_BEEN_ABORTED, transactionId,
                Optional.of(account.id()), now));
    }

    /**
     * A staking transaction reached its confirmations (called by block production): the reservation
     * is lifted and what it spent leaves the books; a stake becomes ACTIVE, or stops (rewards paid
     * up to now, the last period pro rata) and, when closed or withdrawn, its amount comes back.
     */
    @Override
    public void settle(Tx tx, Transaction confirmed, Instant now) {
        Stakes.Action action = stakes.action(tx, confirmed.id()).orElseThrow(() ->
                new IllegalStateException("transaction " + confirmed.id() + " has no stake action"));
        Stake stake = stakes.lock(tx, action.stakeId()).orElseThrow();
        Account account = accounts.find(tx, confirmed.workspaceId(), confirmed.accountId()).orElseThrow();
        StakeOperation.Kind kind = action.operation().kind();
        Amount spent = kind == StakeOperation.Kind.OPEN ? stake.amount().plus(action.fee()) : action.fee();
        ledger.post(tx, Postings.settle(confirmed.workspaceId(), confirmed.id(), account.asset(), account.id(),
                action.reserved(), spent, now), Map.of()).orElseThrow();
        Stake next = switch (kind) {
            case OPEN -> stake.activated(now);
            case DEACTIVATE, CLOSE -> accrual.payAtStop(tx, account, stake, now).deactivated(now);
            case WITHDRAW -> stake.withStatus(StakeStatus.DELETED);
        };
        // The stake's new status first: once it no longer holds the funds outside, the balance's room
        // kept for them (HeldOutside) takes them back exactly.
        stakes.update(tx, next.withPendingTx(Optional.empty()));
        if (kind == StakeOperation.Kind.CLOSE || kind == StakeOperation.Kind.WITHDRAW) {
            ledger.post(tx, Postings.credited(confirmed.workspaceId(), Optional.of(confirmed.id()), "STAKE_RETURNED",
                    account.asset(), account.id(), stake.amount(), now), Map.of()).orElseThrow();
        }
    }

    private static Transaction withStatus(Transaction t, TransactionStatus status, Optional<Amount> fees) {
        return new Transaction(t.id(), t.workspaceId(), t.accountId(), t.type(), status, t.amount(), fees, t.maxFees(),
                t.currency(), t.network(), t.recipient(), t.senders(), t.txHash(), t.block(), t.minConfirmations(),
                t.createdBy(), t.createdOn(), t.broadcastOn(), t.confirmedOn(), t.send());
    }
}
