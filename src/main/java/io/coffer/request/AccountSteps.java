package io.coffer.request;

import io.coffer.account.Account;
import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.governance.ApprovalStep;
import java.math.BigInteger;
import java.util.List;

/**
 * The approval steps of a signing request (message or digests): the account's rule set that governs
 * an amount of zero, resolved like a send's, and the creator must be one of its approvers.
 */
final class AccountSteps {

    private final SendHandler sends;

    AccountSteps(SendHandler sends) {
        this.sends = sends;
    }

    Outcome<List<ApprovalStep>> of(Tx tx, Caller caller, Account account, String what) {
        return sends.governing(tx, account, BigInteger.ZERO)
                .flatMap(ruleSet -> sends.steps(tx, account.workspaceId(), ruleSet))
                .flatMap(steps -> steps.stream().anyMatch(step -> step.users().contains(caller.userId()))
                        ? Outcome.ok(steps)
                        : Outcome.invalid("user " + caller.userId() + " is not an approver in the rules of account "
                                + account.id() + " and cannot request its " + what));
    }
}
