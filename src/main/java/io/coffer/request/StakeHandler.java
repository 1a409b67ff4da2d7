package io.coffer.request;

import io.coffer.account.Account;
import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.governance.ApprovalStep;
import io.coffer.governance.RequestStatus;
import io.coffer.governance.RuleSet;
import io.coffer.staking.StakeLifecycle;
import io.coffer.transaction.Transaction;
import io.coffer.transaction.TransactionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code CREATE_TRANSACTION} of a staking type: governed like a send by the account's rules for the
 * stake's amount (the requester must be one of its approvers), reserved when asked, broadcast on
 * the last approval, released on rejection or expiry. Whitelists do not apply: the funds stay the
 * account's, delegated to a validator.
 */
final class StakeHandler implements RequestHandler<StakeRequest> {

    private final SendHandler sends;
    private final StakeLifecycle stakes;
    private final io.coffer.account.Accounts accounts;
    private final io.coffer.transaction.Transactions transactions;

    StakeHandler(SendHandler sends, StakeLifecycle stakes, io.coffer.account.Accounts accounts,
                 io.coffer.transaction.Transactions transactions) {
        this.sends = sends;
        this.stakes = stakes;
        this.accounts = accounts;
        this.transactions = transactions;
    }

    @Override
    public Class<StakeRequest> changeType() {
        return StakeRequest.class;
    }

    @Override
    public Outcome<Draft> prepare(Tx tx, Caller caller, StakeRequest change, Instant now) {
        return stakes.prepare(tx, caller, change.intent(), now).flatMap(prepared -> {
            Account account = prepared.account();
            Outcome<List<ApprovalStep>> steps = sends.governing(tx, account, prepared.governedAmount())
                    .flatMap(ruleSet -> sends.steps(tx, caller.workspaceId(), ruleSet));
            if (steps instanceof Outcome.Failed<List<ApprovalStep>> failed) {
                return Outcome.failed(failed.problem());
            }
            if (steps.orElseThrow().stream().noneMatch(step -> step.users().contains(caller.userId()))) {
                return Outcome.invalid("user " + caller.userId() + " is not an approver in the rules of account "
                        + account.id() + " and cannot request its transactions");
            }
            return Outcome.ok(new Draft(TargetType.TRANSACTION, prepared.transaction().id(), Optional.of(account.id()),
                    steps.orElseThrow(), true));
        });
    }

    @Override
    public void requested(Tx tx, StakeRequest change, Draft draft, long requestId) {
        stakes.requested(tx, 0, draft.targetId(), requestId);
    }

    @Override
    public Outcome<Void> check(Tx tx, Request request, Instant now) {
        Outcome<Void> usable = stakes.check(tx, request.workspaceId(), request.targetId());
        if (!usable.isOk()) {
            return usable;
        }
        Transaction pending = transactions.find(tx, request.workspaceId(), request.targetId()).orElseThrow();
        Account account = accounts.find(tx, request.workspaceId(), pending.accountId()).orElseThrow();
        Outcome<RuleSet> governing = sends.governing(tx, account, stakes.governedAmount(tx, request.workspaceId(),
                request.targetId()));
        return governing.map(ruleSet -> null);
    }

    @Override
    public Outcome<Request> apply(Tx tx, Request approved, Instant now) {
        Transaction done = stakes.approved(tx, approved.workspaceId(), approved.targetId(), now);
        return Outcome.ok(done.status() == TransactionStatus.SUBMITTED
                ? approved.with(RequestStatus.SUBMITTED, approved.currentStep()) : approved);
    }

    @Override
    public void abort(Tx tx, Request closed, Instant now) {
        stakes.abort(tx, closed.workspaceId(), closed.targetId(), now);
    }
}
