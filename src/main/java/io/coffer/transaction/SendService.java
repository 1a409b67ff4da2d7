package io.coffer.transaction;

import io.coffer.account.Account;
import io.coffer.account.AccountService;
import io.coffer.account.Accounts;
import io.coffer.common.Amount;
import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.event.Event;
import io.coffer.event.EventType;
import io.coffer.event.Outbox;
import io.coffer.currency.Currency;
import io.coffer.currency.Token;
import io.coffer.currency.address.BitcoinAddresses;
import io.coffer.keys.AccountKeys;
import io.coffer.ledger.LedgerService;
import io.coffer.ledger.Postings;
import io.coffer.network.Networks;
import io.coffer.workspace.WorkspaceService;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Outgoing transactions: validated and priced when requested (funds and, on Bitcoin-like networks,
 * the outputs to spend are reserved at once), signed with the account's derived key and broadcast
 * when their request is approved, settled when mined, released when rejected, expired or failed.
 */
public final class SendService {

    /** Bitcoin-like networks whose sends Coffer signs: native segwit, no fork id in the sighash. */
    private static final java.util.Set<String> SEGWIT_SENDS = java.util.Set.of("bitcoin", "bitcoin_testnet", "litecoin",
            "digibyte", "vertcoin", "viacoin");
    private static final BigInteger DUST = BigInteger.valueOf(546);
    /** A Bitcoin-like output's value is a signed 64-bit number of base units. */
    public static final BigInteger MAX_OUTPUT = BigInteger.valueOf(Long.MAX_VALUE);

    /** A validated, priced send, ready to be written. */
    record Plan(Account account, Currency currency, Optional<Token> token, Optional<Account> feeAccount, FeePlan fees,
                List<Utxo> inputs, Amount change, String speed) {

        /** What the sending account reserves: the amount, plus the fees when it pays them itself. */
        Outcome<Amount> reservedAmount(Amount amount) {
            return feeAccount.isPresent() ? Outcome.ok(amount) : amount.plusWithin(fees.maxFee(), "amount plus maximum fees");
        }

        Amount reservedFees() {
            return feeAccount.isPresent() ? fees.maxFee() : Amount.ZERO;
        }
    }

    /** What an estimate answers. */
    public record Estimate(Currency currency, FeePlan fees, int inputs) {
    }

    private final Accounts accounts;
    private final AccountService accountService;
    private final Transactions transactions;
    private final Utxos utxos;
    private final Networks networks;
    private final LedgerService ledger;
    private final WorkspaceService workspaces;
    private final RandomGenerator random;

    private final Outbox outbox;

    public SendService(Accounts accounts, AccountService accountService, Transactions transactions, Utxos utxos,
                       Networks networks, LedgerService ledger, WorkspaceService workspaces, RandomGenerator random,
                       Outbox outbox) {
        this.outbox = outbox;
        this.accounts = accounts;
        this.accountService = accountService;
        this.transactions = transactions;
        this.utxos = utxos;
        this.networks = networks;
        this.ledger = ledger;
        this.workspaces = workspaces;
        this.random = random;
    }

    /** The account a send intent names, if the caller may see it. */
    public Optional<Account> account(Tx tx, Caller caller, SendIntent intent) {
        return accounts.findVisible(tx, caller, intent.accountId());
    }

    /** Prices a send without reserving anything (the estimate-fees route). */
    public Outcome<Estimate> estimate(Tx tx, Caller caller, SendIntent intent) {
        return plan(tx, caller, intent, false).flatMap(plan -> plan.reservedAmount(intent.amount())
                .map(payable -> new Estimate(plan.currency(), plan.fees(), plan.inputs().size())));
    }

    /** Creates a send awaiting approval and reserves what it may spend; nothing is kept if it cannot be paid. */
    public Outcome<Transaction> create(Tx tx, Caller caller, SendIntent intent, Instant now) {
        return plan(tx, caller, intent, true).flatMap(plan -> plan.reservedAmount(intent.amount()).flatMap(toReserve -> {
            Account account = plan.account();
            Transaction.Send send = new Transaction.Send(0, plan.token().map(Token::contractAddress),
                    plan.feeAccount().map(Account::id), toReserve, plan.reservedFees(),
                    plan.speed(), plan.fees(), Optional.empty(), Optional.empty(), plan.change(), intent.note(),
                    Optional.empty());
            Transaction draft = new Transaction(0, caller.workspaceId(), account.id(), TransactionType.SEND,
                    TransactionStatus.PENDING_APPROVAL, intent.amount(), Optional.empty(), Optional.of(intent.maxFees()),
                    account.currency(), account.currency(), Optional.of(intent.recipient()), List.of(account.address()),
                    Optional.empty(), Optional.empty(), plan.currency().confirmations(), caller.userId(), now,
                    Optional.empty(), Optional.empty(), Optional.of(send));
            long id = transactions.create(tx, draft);
            Outcome<?> reserved = ledger.post(tx, Postings.reserve(caller.workspaceId(), id, account.asset(), account.id(),
                    send.reservedAmount(), now), Map.of());
            if (reserved.isOk() && plan.feeAccount().isPresent()) {
                reserved = ledger.post(tx, Postings.reserve(caller.workspaceId(), id, plan.feeAccount().get().asset(),
                        plan.feeAccount().get().id(), send.reservedFees(), now), Map.of());
            }
            if (!reserved.isOk()) {
                return Outcome.invalid("insufficient funds: the account cannot cover the amount and its fees");
            }
            utxos.reserve(tx, plan.inputs(), id);
            return Outcome.ok(transactions.find(tx, caller.workspaceId(), id).orElseThrow());
        }));
    }

    /**
     * The request is approved: sign with the account's key and broadcast. The network may refuse the
     * broadcast (its configured failure rate), which releases the reservation.
     *
     * @return the transaction as it ends up: SUBMITTED, or FAILED_TO_BROADCAST
     */
    public Transaction approved(Tx tx, Transaction pending, Instant now) {
        Transaction.Send send = pending.send().orElseThrow();
        Account account = accounts.lock(tx, pending.workspaceId(), pending.accountId()).orElseThrow();
        Currency currency = accountService.currencyOf(account);
        byte[] seed = workspaces.keys(account.workspaceId()).seed();
        double failureRate = networks.settings(tx, pending.workspaceId(), pending.network()).failureRate().doubleValue();
        if (failureRate > 0 && random.nextDouble() < failureRate) {
            release(tx, pending, TransactionStatus.FAILED_TO_BROADCAST, now, "the network refused the broadcast");
            outbox.record(tx, event(pending, EventType.NEW_TRANSACTION_HAS_FAILED, now));
            return transactions.find(tx, pending.workspaceId(), pending.id()).orElseThrow();
        }
        Transaction signed = switch (send.feePlan()) {
            case FeePlan.Evm evm -> signEvm(tx, pending, send, evm, account, currency, seed);
            case FeePlan.Utxo utxo -> signUtxo(tx, pending, send, account, currency, seed);
        };
        Transaction submitted = new Transaction(signed.id(), signed.workspaceId(), signed.accountId(), signed.type(),
                TransactionStatus.SUBMITTED, signed.amount(), Optional.of(send.feePlan().actualFee()), signed.maxFees(),
                signed.currency(), signed.network(), signed.recipient(), signed.senders(), signed.txHash(), Optional.empty(),
                signed.minConfirmations(), signed.createdBy(), signed.createdOn(), Optional.of(now), Optional.empty(),
                signed.send());
        transactions.update(tx, submitted);
        outbox.record(tx, event(pending, EventType.NEW_TRANSACTION_HAS_BEEN_SIGNED, now));
        outbox.record(tx, event(pending, EventType.NEW_TRANSACTION_HAS_BEEN_BROADCASTED, now));
        return submitted;
    }

    static Event event(Transaction transaction, EventType type, Instant now) {
        return Event.of(transaction.workspaceId(), type, transaction.id(), Optional.of(transaction.accountId()), now);
    }

    /** Gives back what a send reserved and sets its final status. */
    public void release(Tx tx, Transaction pending, TransactionStatus status, Instant now, String reason) {
        Transaction.Send send = pending.send().orElseThrow();
        Account account = accounts.find(tx, pending.workspaceId(), pending.accountId()).orElseThrow();
        ledger.post(tx, Postings.release(pending.workspaceId(), pending.id(), account.asset(), account.id(),
                send.reservedAmount(), now), Map.of()).orElseThrow();
        if (send.feeAccountId().isPresent()) {
            Account feeAccount = accounts.find(tx, pending.workspaceId(), send.feeAccountId().get()).orElseThrow();
            ledger.post(tx, Postings.release(pending.workspaceId(), pending.id(), feeAccount.asset(), feeAccount.id(),
                    send.reservedFees(), now), Map.of()).orElseThrow();
        }
        utxos.release(tx, pending.id());
        Transaction.Send failed = new Transaction.Send(send.requestId(), send.contractAddress(), send.feeAccountId(),
                send.reservedAmount(), send.reservedFees(), send.speed(), send.feePlan(), send.nonce(),
                send.rawTransaction(), send.change(), send.note(), Optional.of(reason));
        transactions.update(tx, new Transaction(pending.id(), pending.workspaceId(), pending.accountId(), pending.type(),
                status, pending.amount(), pending.fees(), pending.maxFees(), pending.currency(), pending.network(),
                pending.recipient(), pending.senders(), pending.txHash(), pending.block(), pending.minConfirmations(),
                pending.createdBy(), pending.createdOn(), pending.broadcastOn(), pending.confirmedOn(), Optional.of(failed)));
        if (status == TransactionStatus.REJECTED) {
            outbox.record(tx, event(pending, EventType.NEW_TRANSACTION_HAS_BEEN_ABORTED, now));
        }
    }

    /** A mined send reached its confirmations: the reservation is lifted and what it spent leaves the books. */
    void settle(Tx tx, Transaction mined, Instant now) {
        Transaction.Send send = mined.send().orElseThrow();
        Account account = accounts.find(tx, mined.workspaceId(), mined.accountId()).orElseThrow();
        Amount fee = send.feePlan().actualFee();
        Amount spentHere = send.feeAccountId().isPresent() ? mined.amount() : mined.amount().plus(fee);
        ledger.post(tx, Postings.settle(mined.workspaceId(), mined.id(), account.asset(), account.id(),
                send.reservedAmount(), spentHere, now), Map.of()).orElseThrow();
        if (send.feeAccountId().isPresent()) {
            Account feeAccount = accounts.find(tx, mined.workspaceId(), send.feeAccountId().get()).orElseThrow();
            ledger.post(tx, Postings.settle(mined.workspaceId(), mined.id(), feeAccount.asset(), feeAccount.id(),
                    send.reservedFees(), fee, now), Map.of()).orElseThrow();
        }
    }

    private Transaction signEvm(Tx tx, Transaction pending, Transaction.Send send, FeePlan.Evm fees, Account account,
                                Currency currency, byte[] seed) {
        Account keyOwner = account.parentId().map(parent -> accounts.lock(tx, account.workspaceId(), parent).orElseThrow())
                .orElse(account);
        long nonce = accounts.takeNonce(tx, keyOwner.id());
        byte[] key = AccountKeys.secp256k1PrivateKey(seed, currency, keyOwner.index(), 0, 0);
        EvmSigning.Signed signed = EvmSigning.sign(key, currency.chainId().orElseThrow(), nonce, fees,
                pending.recipient().orElseThrow(), pending.amount().value(), send.contractAddress());
        Transaction.Send withSignature = new Transaction.Send(send.requestId(), send.contractAddress(), send.feeAccountId(),
                send.reservedAmount(), send.reservedFees(), send.speed(), send.feePlan(), Optional.of(nonce),
                Optional.of(signed.rawHex()), send.change(), send.note(), Optional.empty());
        return withSend(pending, Optional.of(signed.hash()), withSignature);
    }

    private Transaction signUtxo(Tx tx, Transaction pending, Transaction.Send send, Account account, Currency currency,
                                 byte[] seed) {
        BitcoinAddresses format = (BitcoinAddresses) currency.addresses();
        List<Utxo> inputs = utxos.reservedBy(tx, pending.id());
        List<UtxoSigning.Input> signingInputs = new ArrayList<>();
        for (Utxo utxo : inputs) {
            String[] path = utxo.derivationPath().split("/");
            int change = Integer.parseInt(path[path.length - 2]);
            int index = Integer.parseInt(path[path.length - 1]);
            signingInputs.add(new UtxoSigning.Input(utxo,
                    AccountKeys.secp256k1PrivateKey(seed, currency, account.index(), change, index)));
        }
        Optional<BitcoinAddresses.Target> changeTarget = Optional.empty();
        Optional<Utxo> changeOutput = Optional.empty();
        if (!send.change().isZero()) {
            int changeIndex = accounts.takeChangeIndex(tx, account.id());
            var changeAddress = AccountKeys.address(seed, currency, account.index(), 1, changeIndex);
            changeTarget = format.target(changeAddress.address());
            changeOutput = Optional.of(new Utxo(0, account.id(), "", 1, send.change(), changeAddress.address(),
                    changeAddress.path().toString(), true));
        }
        UtxoSigning.Signed signed = UtxoSigning.sign(signingInputs, format.target(pending.recipient().orElseThrow())
                .orElseThrow(), pending.amount().value(), changeTarget, send.change().value());
        utxos.spend(tx, pending.id());
        changeOutput.ifPresent(change -> utxos.add(tx, new Utxo(0, change.accountId(), signed.txid(), 1, change.amount(),
                change.address(), change.derivationPath(), true), pending.id()));
        Transaction.Send withSignature = new Transaction.Send(send.requestId(), send.contractAddress(), send.feeAccountId(),
                send.reservedAmount(), send.reservedFees(), send.speed(), send.feePlan(), Optional.empty(),
                Optional.of(signed.rawHex()), send.change(), send.note(), Optional.empty());
        return withSend(pending, Optional.of(signed.txid()), withSignature);
    }

    private Outcome<Plan> plan(Tx tx, Caller caller, SendIntent intent, boolean checkMaxFees) {
        Optional<Account> found = accounts.findVisible(tx, caller, intent.accountId());
        if (found.isEmpty()) {
            return Outcome.invalid("account " + intent.accountId() + " not found");
        }
        Account account = found.get();
        if (account.status() != io.coffer.account.AccountStatus.ACTIVE) {
            return Outcome.invalid("account " + account.id() + " is " + account.status() + ": only active accounts send");
        }
        Currency currency = accountService.currencyOf(account);
        Optional<Token> token = accountService.tokenOf(account);
        if (!intent.currency().equals(account.currency())) {
            return Outcome.invalid("transaction_data.currency '" + intent.currency() + "' is not the account's currency, "
                    + account.currency());
        }
        if (!intent.accountName().equals(account.name())) {
            return Outcome.invalid("transaction_data.account_name '" + intent.accountName() + "' is not the account's name");
        }
        if (intent.amount().isZero()) {
            return Outcome.invalid("amount must be more than 0");
        }
        if (!currency.addresses().isValid(intent.recipient())) {
            return Outcome.invalid("recipient is not a valid " + currency.name() + " address");
        }
        return switch (intent.transactionType()) {
            case "ETHEREUM_LIKE_SEND" -> planEvm(tx, intent, account, currency, token, checkMaxFees);
            case "BITCOIN_LIKE_SEND" -> planUtxo(tx, intent, account, currency, checkMaxFees);
            default -> Outcome.invalid("transaction_type " + intent.transactionType() + " is not supported by this server");
        };
    }

    private Outcome<Plan> planEvm(Tx tx, SendIntent intent, Account account, Currency currency, Optional<Token> token,
                                  boolean checkMaxFees) {
        if (!currency.evm()) {
            return Outcome.invalid("ETHEREUM_LIKE_SEND needs an EVM account; account " + account.id() + " is "
                    + account.currency());
        }
        if (intent.contractAddress().isPresent() && (token.isEmpty()
                || !token.get().contractAddress().equalsIgnoreCase(intent.contractAddress().get()))) {
            return Outcome.invalid("contract_address does not match the account: token transfers are sent from the "
                    + "token's account");
        }
        BigInteger gasUsed = token.isPresent() ? FeeSchedule.TOKEN_TRANSFER_GAS_USED : FeeSchedule.NATIVE_TRANSFER_GAS;
        BigInteger defaultLimit = token.isPresent() ? FeeSchedule.TOKEN_TRANSFER_GAS_LIMIT : FeeSchedule.NATIVE_TRANSFER_GAS;
        BigInteger base = FeeSchedule.EVM_BASE_FEE;
        FeePlan.Evm fees;
        String speed;
        switch (intent.feeStrategy()) {
            case SendIntent.FeeStrategy.Speed s -> {
                BigInteger priority = FeeSchedule.priorityFee(s.level());
                fees = new FeePlan.Evm(defaultLimit, base.multiply(BigInteger.TWO).add(priority), priority, base, gasUsed);
                speed = s.level().name();
            }
            case SendIntent.FeeStrategy.Eip1559 custom -> {
                fees = new FeePlan.Evm(custom.gasLimit(), base.multiply(BigInteger.TWO).add(custom.priorityFees()),
                        custom.priorityFees(), base, gasUsed);
                speed = "CUSTOM";
            }
            case SendIntent.FeeStrategy.GasPrice custom -> {
                if (custom.gasPrice().compareTo(base) < 0) {
                    return Outcome.invalid("gas_price " + custom.gasPrice() + " is below the network's base fee " + base);
                }
                fees = new FeePlan.Evm(custom.gasLimit(), custom.gasPrice(), custom.gasPrice().subtract(base), base, gasUsed);
                speed = "CUSTOM";
            }
            case SendIntent.FeeStrategy.PerByte perByte -> {
                return Outcome.invalid("fees_per_byte is for Bitcoin-like sends; EVM sends take gas_limit and "
                        + "priority_fees (or gas_price)");
            }
        }
        if (fees.gasLimit().compareTo(gasUsed) < 0) {
            return Outcome.invalid("gas_limit " + fees.gasLimit() + " is below the " + gasUsed + " gas this transfer uses");
        }
        if (fees.gasLimit().compareTo(FeeSchedule.BLOCK_GAS_LIMIT) > 0) {
            return Outcome.invalid("gas_limit " + fees.gasLimit() + " is above the network's block gas limit, "
                    + FeeSchedule.BLOCK_GAS_LIMIT);
        }
        BigInteger fastest = defaultLimit.multiply(base.multiply(BigInteger.TWO)
                .add(FeeSchedule.priorityFee(SendIntent.SpeedLevel.FAST)));
        BigInteger cap = fastest.multiply(FeeSchedule.MAX_CUSTOM_MULTIPLE);
        if (fees.gasLimit().multiply(fees.maxFeePerGas()).compareTo(cap) > 0) {
            return Outcome.invalid("these fees could cost up to " + fees.gasLimit().multiply(fees.maxFeePerGas())
                    + " base units: a CUSTOM fee may cost at most " + FeeSchedule.MAX_CUSTOM_MULTIPLE
                    + " times the FAST estimate, " + cap);
        }
        Optional<Account> feeAccount = Optional.empty();
        if (token.isPresent()) {
            feeAccount = account.parentId().flatMap(parent -> accounts.find(tx, account.workspaceId(), parent));
        }
        return checkFees(intent, new Plan(account, currency, token, feeAccount, fees, List.of(), Amount.ZERO, speed),
                checkMaxFees);
    }

    private Outcome<Plan> planUtxo(Tx tx, SendIntent intent, Account account, Currency currency, boolean checkMaxFees) {
        if (!currency.utxo() || !SEGWIT_SENDS.contains(currency.name())) {
            return Outcome.invalid("BITCOIN_LIKE_SEND is supported for " + SEGWIT_SENDS.stream().sorted().toList()
                    + "; account " + account.id() + " is " + account.currency());
        }
        BigInteger rate;
        String speed;
        switch (intent.feeStrategy()) {
            case SendIntent.FeeStrategy.Speed s -> {
                rate = FeeSchedule.feeRate(s.level());
                speed = s.level().name();
            }
            case SendIntent.FeeStrategy.PerByte perByte -> {
                rate = perByte.feesPerByte();
                speed = "CUSTOM";
            }
            default -> {
                return Outcome.invalid("Bitcoin-like sends take a SPEED strategy or CUSTOM fees_per_byte");
            }
        }
        if (rate.signum() <= 0) {
            return Outcome.invalid("fees_per_byte must be at least 1");
        }
        BigInteger maxRate = FeeSchedule.feeRate(SendIntent.SpeedLevel.FAST).multiply(FeeSchedule.MAX_CUSTOM_MULTIPLE);
        if (rate.compareTo(maxRate) > 0) {
            return Outcome.invalid("fees_per_byte " + rate + " is above " + maxRate + ": a CUSTOM fee may be at most "
                    + FeeSchedule.MAX_CUSTOM_MULTIPLE + " times the FAST rate");
        }
        BitcoinAddresses.Target recipient = ((BitcoinAddresses) currency.addresses()).target(intent.recipient()).orElseThrow();
        BigInteger amount = intent.amount().value();
        if (amount.compareTo(MAX_OUTPUT) > 0) {
            return Outcome.invalid("amount " + amount + " is above what one output can carry, " + MAX_OUTPUT);
        }
        if (amount.compareTo(DUST) < 0) {
            return Outcome.invalid("amount " + amount + " is below the dust limit of " + DUST + " satoshis");
        }
        List<Utxo> selected = new ArrayList<>();
        BigInteger total = BigInteger.ZERO;
        for (Utxo utxo : utxos.available(tx, account.id())) {
            selected.add(utxo);
            total = total.add(utxo.amount().value());
            Optional<Plan> plan = fit(account, currency, recipient, rate, speed, selected, total, amount);
            if (plan.isPresent() && plan.get().change().value().compareTo(MAX_OUTPUT) > 0) {
                return Outcome.invalid("the change of this send would be above what one output can carry, " + MAX_OUTPUT
                        + "; send more, or from fewer funds");
            }
            if (plan.isPresent()) {
                return checkFees(intent, plan.get(), checkMaxFees);
            }
        }
        return Outcome.invalid("insufficient funds: the account's spendable outputs do not cover " + amount
                + " plus fees (outputs of unconfirmed deposits and of pending sends are not spendable)");
    }

    /** Whether the selected outputs pay amount and fee; change below dust goes to the fee. */
    private static Optional<Plan> fit(Account account, Currency currency, BitcoinAddresses.Target recipient,
                                      BigInteger rate, String speed, List<Utxo> selected, BigInteger total,
                                      BigInteger amount) {
        int withChange = UtxoSigning.estimateVsize(selected.size(), recipient, true);
        BigInteger feeWithChange = rate.multiply(BigInteger.valueOf(withChange));
        BigInteger change = total.subtract(amount).subtract(feeWithChange);
        if (change.compareTo(DUST) >= 0) {
            return Optional.of(new Plan(account, currency, Optional.empty(), Optional.empty(),
                    new FeePlan.Utxo(rate, withChange, feeWithChange), List.copyOf(selected), new Amount(change), speed));
        }
        int withoutChange = UtxoSigning.estimateVsize(selected.size(), recipient, false);
        BigInteger fee = total.subtract(amount);
        if (fee.compareTo(rate.multiply(BigInteger.valueOf(withoutChange))) < 0) {
            return Optional.empty();
        }
        return Optional.of(new Plan(account, currency, Optional.empty(), Optional.empty(),
                new FeePlan.Utxo(rate, withoutChange, fee), List.copyOf(selected), Amount.ZERO, speed));
    }

    private static Outcome<Plan> checkFees(SendIntent intent, Plan plan, boolean checkMaxFees) {
        if (checkMaxFees && !intent.maxFees().isAtLeast(plan.fees().maxFee())) {
            return Outcome.invalid("max_fees " + intent.maxFees() + " is below the fees this transaction needs: "
                    + plan.fees().maxFee() + " (POST /transactions/estimate-fees tells them)");
        }
        return Outcome.ok(plan);
    }

    private static Transaction withSend(Transaction t, Optional<String> hash, Transaction.Send send) {
        return new Transaction(t.id(), t.workspaceId(), t.accountId(), t.type(), TransactionStatus.SIGNED, t.amount(),
                t.fees(), t.maxFees(), t.currency(), t.network(), t.recipient(), t.senders(), hash, t.block(),
                t.minConfirmations(), t.createdBy(), t.createdOn(), t.broadcastOn(), t.confirmedOn(), Optional.of(send));
    }
}
