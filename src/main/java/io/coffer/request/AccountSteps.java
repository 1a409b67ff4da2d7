package io.coffer.request;

import io.coffer.account.Account;
import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.governance.ApprovalStep;
import io.coffer.governance.RuleSelection;
import io.coffer.governance.RuleSet;
import java.util.List;

/**
 * The approval steps of a signing request (message or digests). A signature commits the account's
 * key to whatever it signs, whatever the amount: a raw digest may be a transaction, typed data a
 * permit. So every rule set of the account must approve (their steps combined, as for a token send
 * and its parent), not only the one governing small amounts, and the creator must be one of the
 * approvers. For what could pay anyone (digests, typed data), no rule set may restrict recipients
 * to whitelists, and its token accounts may have no approvers of their own.
 */
final class AccountSteps {

    private final SendHandler sends;

    AccountSteps(SendHandler sends) {
        this.sends = sends;
    }

    /**
     * @param paysAnyone whether what is signed could move funds to any recipient (digests, typed data)
     */
    Outcome<List<ApprovalStep>> of(Tx tx, Caller caller, Account account, String what, boolean paysAnyone) {
        return checked(tx, account, what, paysAnyone).flatMap(steps -> steps.stream()
                .anyMatch(step -> step.users().contains(caller.userId()))
                ? Outcome.ok(steps)
                : Outcome.invalid("user " + caller.userId() + " is not an approver in the rules of account "
                        + account.id() + " and cannot request its " + what));
    }

    /**
     * The steps of every rule set of the account, combined; when what is signed could pay anyone, its
     * token accounts (their tokens sit at its address, behind its key) must have no approver step
     * those do not cover, and no rule set of either may restrict recipients to whitelists.
     */
    Outcome<List<ApprovalStep>> checked(Tx tx, Account account, String what, boolean paysAnyone) {
        Outcome<List<ApprovalStep>> own = steps(tx, account, what, paysAnyone);
        if (!paysAnyone) {
            return own;
        }
        return own.flatMap(steps -> {
            for (Account token : sends.tokenAccounts(tx, account)) {
                Outcome<List<ApprovalStep>> theirs = steps(tx, token, what, true);
                if (theirs instanceof Outcome.Failed<List<ApprovalStep>> failed) {
                    return Outcome.failed(failed.problem());
                }
                if (ApprovalStep.both(steps, theirs.orElseThrow()).size() > steps.size()) {
                    return Outcome.invalid("field 'data.account_id': token account " + token.id() + " holds its tokens at"
                            + " the address of account " + account.id() + " under approvers of its own, and signed " + what
                            + " with that key could move them without them; it signs none");
                }
            }
            return Outcome.ok(steps);
        });
    }

    private Outcome<List<ApprovalStep>> steps(Tx tx, Account account, String what, boolean paysAnyone) {
        List<RuleSet> ruleSets = sends.ruleSets(tx, account);
        if (ruleSets.isEmpty()) {
            return Outcome.invalid("account " + account.id() + " has no governance rules and signs nothing");
        }
        if (paysAnyone && ruleSets.stream().anyMatch(set -> RuleSelection.whitelists(set).isPresent())) {
            return Outcome.invalid("field 'data.account_id': the rules of account " + account.id() + " restrict its"
                    + " recipients to whitelists, and signed " + what + " could pay anyone; it signs none");
        }
        Outcome<List<ApprovalStep>> all = Outcome.ok(List.of());
        for (RuleSet ruleSet : ruleSets) {
            all = all.flatMap(steps -> sends.steps(tx, account.workspaceId(), ruleSet)
                    .map(more -> ApprovalStep.both(steps, more)));
        }
        return all;
    }
}
