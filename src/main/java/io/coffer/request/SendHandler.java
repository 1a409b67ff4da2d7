package io.coffer.request;

import io.coffer.account.Account;
import io.coffer.account.AccountStatus;
import io.coffer.account.Accounts;
import io.coffer.common.Caller;
import io.coffer.common.ObjectStatus;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.compliance.ComplianceService;
import io.coffer.governance.ApprovalStep;
import io.coffer.governance.RequestStatus;
import io.coffer.governance.Rule;
import io.coffer.governance.RuleSelection;
import io.coffer.governance.RuleSet;
import io.coffer.group.Group;
import io.coffer.group.GroupService;
import io.coffer.group.Groups;
import io.coffer.transaction.SendIntent;
import io.coffer.transaction.SendService;
import io.coffer.transaction.Transaction;
import io.coffer.transaction.TransactionStatus;
import io.coffer.transaction.Transactions;
import io.coffer.user.ApiUser;
import io.coffer.user.ApiUsers;
import io.coffer.whitelist.WhitelistService;
import io.coffer.whitelist.Whitelists;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code CREATE_TRANSACTION}: a send governed by its account's rules. The funds (and, on
 * Bitcoin-like networks, the outputs) are reserved when it is asked; the last approval signs and
 * broadcasts it; a rejection or expiry gives the reservation back. A token send pays its gas from
 * the parent account, so the parent's rules for that fee must approve it too.
 */
final class SendHandler implements RequestHandler<SendRequest> {

    private final Accounts accounts;
    private final ApiUsers users;
    private final Groups groups;
    private final Whitelists whitelists;
    private final WhitelistService whitelistRules;
    private final SendService sends;
    private final Transactions transactions;
    private final ComplianceService compliance;

    SendHandler(Accounts accounts, ApiUsers users, Groups groups, Whitelists whitelists, WhitelistService whitelistRules,
                SendService sends, Transactions transactions, ComplianceService compliance) {
        this.compliance = compliance;
        this.accounts = accounts;
        this.users = users;
        this.groups = groups;
        this.whitelists = whitelists;
        this.whitelistRules = whitelistRules;
        this.sends = sends;
        this.transactions = transactions;
    }

    @Override
    public Class<SendRequest> changeType() {
        return SendRequest.class;
    }

    @Override
    public Outcome<Draft> prepare(Tx tx, Caller caller, SendRequest change, Instant now) {
        SendIntent intent = change.intent();
        long ws = caller.workspaceId();
        // A sanctioned recipient is refused before anything is looked up or reserved.
        Optional<io.coffer.common.Problem> sanctioned = compliance.refusal("recipient", intent.recipient());
        if (sanctioned.isPresent()) {
            return Outcome.failed(sanctioned.get());
        }
        Optional<Account> visible = sends.account(tx, caller, intent);
        if (visible.isEmpty()) {
            return Outcome.invalid("account " + intent.accountId() + " not found");
        }
        Account account = accounts.lock(tx, ws, visible.get().id()).orElseThrow();
        Outcome<RuleSet> ruleSet = governing(tx, account, intent.amount().value());
        if (ruleSet instanceof Outcome.Failed<RuleSet> failed) {
            return Outcome.failed(failed.problem());
        }
        Outcome<List<ApprovalStep>> steps = steps(tx, ws, ruleSet.orElseThrow());
        if (steps instanceof Outcome.Failed<List<ApprovalStep>> failed) {
            return Outcome.failed(failed.problem());
        }
        if (steps.orElseThrow().stream().noneMatch(step -> step.users().contains(caller.userId()))) {
            return Outcome.invalid("user " + caller.userId() + " is not an approver in the rules of account "
                    + account.id() + " and cannot request its transactions");
        }
        Outcome<Void> listed = recipientAllowed(tx, account, ruleSet.orElseThrow(), intent.recipient());
        if (listed instanceof Outcome.Failed<Void> failed) {
            return Outcome.failed(failed.problem());
        }
        return sends.create(tx, caller, intent, now).flatMap(transaction -> withFeeGovernors(tx, transaction,
                steps.orElseThrow()).map(all -> new Draft(TargetType.TRANSACTION, transaction.id(),
                Optional.of(account.id()), all, true)));
    }

    @Override
    public void requested(Tx tx, SendRequest change, Draft draft, long requestId) {
        transactions.setRequest(tx, draft.targetId(), requestId);
    }

    /** At approval: the account still sends, and its rules still allow the recipient. */
    @Override
    public Outcome<Void> check(Tx tx, Request request, Instant now) {
        Transaction pending = transactions.find(tx, request.workspaceId(), request.targetId()).orElseThrow();
        Account account = accounts.find(tx, request.workspaceId(), pending.accountId()).orElseThrow();
        if (account.status() != AccountStatus.ACTIVE) {
            return Outcome.invalid("account " + account.id() + " is " + account.status() + " and sends nothing");
        }
        // The list may have been replaced (a restart with a newer one) since the request was made.
        Optional<io.coffer.common.Problem> sanctioned = compliance.refusal("recipient", pending.recipient().orElseThrow());
        if (sanctioned.isPresent()) {
            return Outcome.failed(sanctioned.get());
        }
        return governing(tx, account, pending.amount().value())
                .flatMap(ruleSet -> recipientAllowed(tx, account, ruleSet, pending.recipient().orElseThrow()));
    }

    @Override
    public Outcome<Request> apply(Tx tx, Request approved, Instant now) {
        Transaction pending = transactions.find(tx, approved.workspaceId(), approved.targetId()).orElseThrow();
        Transaction done = sends.approved(tx, pending, now);
        return Outcome.ok(done.status() == TransactionStatus.SUBMITTED ? approved.with(RequestStatus.SUBMITTED,
                approved.currentStep()) : approved);
    }

    @Override
    public void abort(Tx tx, Request closed, Instant now) {
        String reason = closed.status() == RequestStatus.EXPIRED ? "the request expired" : "the request was rejected";
        transactions.find(tx, closed.workspaceId(), closed.targetId())
                .filter(transaction -> transaction.status() == TransactionStatus.PENDING_APPROVAL)
                .ifPresent(transaction -> sends.release(tx, transaction, TransactionStatus.REJECTED, now, reason));
    }

    /** The token accounts of a coin account. */
    List<Account> tokenAccounts(Tx tx, Account account) {
        return accounts.tokenAccountsOf(tx, account.workspaceId(), account.id());
    }

    /** All rule sets of an account, in order. */
    List<RuleSet> ruleSets(Tx tx, Account account) {
        return accounts.rules(tx, List.of(account.id())).getOrDefault(account.id(), List.of());
    }

    /**
     * The approval steps the account's rules give a request moving {@code amount} from it (the
     * TradeLink pledge changes are approved like a send of their amount).
     */
    Outcome<List<ApprovalStep>> accountSteps(Tx tx, Account account, BigInteger amount) {
        return governing(tx, account, amount).flatMap(ruleSet -> steps(tx, account.workspaceId(), ruleSet));
    }

    /** The rule set of the account that governs this amount. */
    Outcome<RuleSet> governing(Tx tx, Account account, BigInteger amount) {
        List<RuleSet> ruleSets = ruleSets(tx, account);
        return RuleSelection.forAmount(ruleSets, amount).map(Outcome::ok).orElseGet(() -> Outcome.invalid(
                "no governance rule set of account " + account.id() + " covers amount " + amount));
    }

    /**
     * A token send's fee comes out of the parent account: the parent's governors for that amount must
     * approve too (their steps are added unless the token's own steps already cover them).
     */
    private Outcome<List<ApprovalStep>> withFeeGovernors(Tx tx, Transaction transaction, List<ApprovalStep> own) {
        Transaction.Send send = transaction.send().orElseThrow();
        if (send.feeAccountId().isEmpty()) {
            return Outcome.ok(own);
        }
        Account parent = accounts.find(tx, transaction.workspaceId(), send.feeAccountId().get()).orElseThrow();
        return governing(tx, parent, send.reservedFees().value())
                .flatMap(ruleSet -> steps(tx, transaction.workspaceId(), ruleSet))
                .map(parentSteps -> ApprovalStep.both(own, parentSteps));
    }

    private Outcome<Void> recipientAllowed(Tx tx, Account account, RuleSet ruleSet, String recipient) {
        Optional<List<Long>> allowed = RuleSelection.whitelists(ruleSet);
        if (allowed.isEmpty()) {
            return Outcome.ok(null);
        }
        String network = account.currency();
        boolean anyCase = whitelistRules.caseInsensitive(network);
        boolean listed = whitelists.findAll(tx, account.workspaceId(), allowed.get()).stream()
                .filter(list -> list.status() == ObjectStatus.ACTIVE)
                .anyMatch(list -> list.allows(network, recipient, anyCase));
        return listed ? Outcome.ok(null) : Outcome.invalid("recipient " + recipient + " is not in the whitelists "
                + allowed.get() + " that the rules of account " + account.id() + " allow");
    }

    /**
     * The approval steps a rule set gives a new request: group steps resolved to the group's members
     * now, and only active users (revoked or suspended ones cannot vote).
     */
    Outcome<List<ApprovalStep>> steps(Tx tx, long workspaceId, RuleSet ruleSet) {
        record Raw(List<Long> users, int quorum, Optional<Long> group) {
        }
        List<Raw> raw = new ArrayList<>();
        for (Rule rule : ruleSet.rules()) {
            if (rule instanceof Rule.MultiAuthorizations multi) {
                for (Rule.Step step : multi.steps()) {
                    raw.add(switch (step) {
                        case Rule.UsersStep named -> new Raw(named.users(), named.quorum(), Optional.empty());
                        case Rule.GroupStep group -> new Raw(groups.find(tx, workspaceId, group.groupId())
                                .filter(GroupService::usable).map(Group::members).orElse(List.of()), group.quorum(),
                                Optional.of(group.groupId()));
                    });
                }
            }
        }
        if (raw.isEmpty()) {
            return Outcome.invalid("the governing rule set has no approval steps");
        }
        Set<Long> named = new TreeSet<>();
        raw.forEach(step -> named.addAll(step.users()));
        Set<Long> active = new HashSet<>();
        users.findAll(tx, workspaceId, List.copyOf(named)).stream().filter(ApiUser::canAct).forEach(user -> active.add(user.id()));
        List<ApprovalStep> steps = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            List<Long> eligible = raw.get(i).users().stream().filter(active::contains).toList();
            if (eligible.size() < raw.get(i).quorum()) {
                return Outcome.invalid("step " + i + " of the governing rules needs " + raw.get(i).quorum()
                        + " approvals but has " + eligible.size() + " active approvers");
            }
            steps.add(new ApprovalStep(eligible, raw.get(i).quorum(), raw.get(i).group()));
        }
        return Outcome.ok(steps);
    }
}
