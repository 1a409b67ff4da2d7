package io.coffer.request;

import io.coffer.account.Account;
import io.coffer.account.AccountService;
import io.coffer.common.Amount;
import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.currency.Currency;
import io.coffer.governance.ApprovalStep;
import io.coffer.governance.RequestStatus;
import io.coffer.tradelink.OutboundIntent;
import io.coffer.tradelink.OutboundSends;
import io.coffer.transaction.SendIntent;
import io.coffer.transaction.SendService;
import io.coffer.transaction.Transaction;
import io.coffer.transaction.TransactionService;
import io.coffer.transaction.TransactionStatus;
import io.coffer.transaction.Transactions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A settlement's outbound send through the send machinery: a CREATE_TRANSACTION request stored as
 * already APPROVED (the pledge's own approvals cover the funds; the settling exchange user is its
 * creator), the transaction created, reserved, signed and broadcast like any approved send, and
 * its arrival on the exchange's account under the same hash, confirmed by the same blocks.
 */
public final class SettlementSends implements OutboundSends {

    private final Requests requests;
    private final SendService sends;
    private final Transactions transactions;
    private final TransactionService transactionService;
    private final AccountService accountService;

    public SettlementSends(Requests requests, SendService sends, Transactions transactions,
                           TransactionService transactionService, AccountService accountService) {
        this.requests = requests;
        this.sends = sends;
        this.transactions = transactions;
        this.transactionService = transactionService;
        this.accountService = accountService;
    }

    @Override
    public Outcome<Outbound> send(Tx tx, Caller caller, Account from, Account to, Amount amount,
                                  Optional<OutboundIntent> given, Instant now) {
        Currency currency = accountService.currencyOf(from);
        String type;
        if (currency.evm()) {
            type = "ETHEREUM_LIKE_SEND";
        } else if (currency.utxo()) {
            type = "BITCOIN_LIKE_SEND";
        } else {
            return Outcome.invalid("settlements of " + currency.name() + " accounts are not supported by this server");
        }
        // The pledge grants the settling user the account's funds: the send sees the account whatever its rules say.
        Caller acting = new Caller(caller.workspaceId(), caller.workspaceName(), caller.kind(), caller.clockOffset(),
                caller.userId(), caller.username(), caller.role(), true);
        if (given.isPresent() && !given.get().transactionType().equals(type)) {
            return Outcome.invalid("field 'outbound_transaction_intent.transaction_type' must be " + type
                    + " for a " + currency.name() + " account");
        }
        Outcome<Transaction> created;
        if (given.isPresent()) {
            created = sends.create(tx, acting, new SendIntent(from.id(), type, from.name(), from.currency(), amount,
                    to.address(), given.get().maxFees(), Optional.empty(), given.get().feeStrategy(), Optional.empty()), now);
        } else {
            SendIntent priced = intent(from, type, amount, to.address(), new Amount(Amount.MAX_VALUE));
            created = sends.estimate(tx, acting, priced).flatMap(estimate -> {
                SendIntent intent = intent(from, type, amount, to.address(), estimate.fees().maxFee());
                return sends.create(tx, acting, intent, now);
            });
        }
        return created.flatMap(pending -> {
            String intentJson = "{\"settlement\":true,\"account_id\":" + from.id() + ",\"amount\":\"" + amount
                    + "\",\"to_account_id\":" + to.id() + "}";
            long requestId = requests.create(tx, new Request(0, caller.workspaceId(), RequestType.CREATE_TRANSACTION,
                    RequestStatus.APPROVED, TargetType.TRANSACTION, pending.id(), Optional.of(from.id()), caller.userId(),
                    now, now.plus(RequestService.LIFETIME), 0,
                    List.of(new ApprovalStep(List.of(caller.userId()), 1, Optional.empty())), intentJson));
            requests.addEvent(tx, requestId, RequestStatus.APPROVED, now);
            transactions.setRequest(tx, pending.id(), requestId);
            Transaction linked = transactions.find(tx, caller.workspaceId(), pending.id()).orElseThrow();
            Transaction done = sends.approved(tx, linked, now);
            if (done.status() != TransactionStatus.SUBMITTED) {
                return Outcome.ok(new Outbound(requestId, done.id(), done.txHash(), false, Optional.empty()));
            }
            Request current = requests.find(tx, caller.workspaceId(), requestId).orElseThrow();
            requests.update(tx, current.with(RequestStatus.SUBMITTED, 0));
            requests.addEvent(tx, requestId, RequestStatus.SIGNED, now);
            requests.addEvent(tx, requestId, RequestStatus.SUBMITTED, now);
            return transactionService.receive(tx, to, amount, Optional.of(from.address()), done.txHash(), caller.userId(), now)
                    .map(inbound -> new Outbound(requestId, done.id(), done.txHash(), true, Optional.of(inbound.id())));
        });
    }

    @Override
    public Status status(Tx tx, long workspaceId, long transactionId) {
        Transaction transaction = transactions.find(tx, workspaceId, transactionId).orElseThrow();
        return new Status(transaction.status().name(), transaction.fees());
    }

    private static SendIntent intent(Account from, String type, Amount amount, String recipient, Amount maxFees) {
        return new SendIntent(from.id(), type, from.name(), from.currency(), amount, recipient, maxFees,
                Optional.empty(), new SendIntent.FeeStrategy.Speed(SendIntent.SpeedLevel.NORMAL), Optional.empty());
    }
}
