package io.coffer.tradelink;

import io.coffer.account.Account;
import io.coffer.account.AccountStatus;
import io.coffer.account.Accounts;
import io.coffer.common.Amount;
import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.ledger.LedgerService;
import java.time.Instant;
import java.util.Optional;

/**
 * The governed changes of a pledge, run by the request pipeline inside its transactions: an
 * increment waits in {@code PLEDGE_INCREMENT_PENDING_APPROVAL} with nothing reserved and reserves
 * on its last approval; a forced unpledge waits in {@code UNPLEDGE_PENDING_APPROVAL} and releases
 * everything on its last approval; a rejection or expiry puts the pledge back as it was.
 */
public final class PledgeChanges {

    /** A prepared change: its id (the request's target), the pledge and its account. */
    public record Prepared(long changeId, Pledge pledge, Account account) {
    }

    private final TradeLinkStore store;
    private final Accounts accounts;
    private final Funds funds;

    public PledgeChanges(TradeLinkStore store, Accounts accounts, LedgerService ledger) {
        this.store = store;
        this.accounts = accounts;
        this.funds = new Funds(ledger);
    }

    /** Checks an increment against its pledge and puts the pledge in PLEDGE_INCREMENT_PENDING_APPROVAL. */
    public Outcome<Prepared> prepareIncrement(Tx tx, Caller caller, PledgeIncrement intent, Instant now) {
        if (intent.amount().isZero()) {
            return Outcome.invalid("field 'data.pledge_data.amount' must be more than 0");
        }
        return ready(tx, caller, intent.subaccountId(), intent.accountName(), intent.currency(), intent.exchangeName())
                .flatMap(found -> {
                    if (intent.contractAddress().isPresent() && !intent.contractAddress().equals(found.account()
                            .contractAddress())) {
                        return Outcome.invalid("field 'data.pledge_data.contract_address' does not match account "
                                + found.account().id());
                    }
                    Pledge pledge = found.pledge();
                    store.updatePledge(tx, pledge.with(PledgeState.PLEDGE_INCREMENT_PENDING_APPROVAL, pledge.amount(),
                            intent.amount(), pledge.reserved(), now));
                    long id = store.createChange(tx, pledge.workspaceId(), pledge.id(), PledgeChange.Kind.PLEDGE_INCREMENT,
                            intent.amount(), pledge.state(), now);
                    return Outcome.ok(new Prepared(id, pledge, found.account()));
                });
    }

    /** Checks a forced unpledge against its pledge and puts the pledge in UNPLEDGE_PENDING_APPROVAL. */
    public Outcome<Prepared> prepareUnpledge(Tx tx, Caller caller, ForcedUnpledge intent, Instant now) {
        return ready(tx, caller, intent.subaccountId(), intent.accountName(), intent.currency(), intent.exchangeName())
                .map(found -> {
                    Pledge pledge = found.pledge();
                    store.updatePledge(tx, pledge.with(PledgeState.UNPLEDGE_PENDING_APPROVAL, pledge.amount(),
                            Amount.ZERO, pledge.reserved(), now));
                    long id = store.createChange(tx, pledge.workspaceId(), pledge.id(), PledgeChange.Kind.FORCED_UNPLEDGE,
                            pledge.amount(), pledge.state(), now);
                    return new Prepared(id, pledge, found.account());
                });
    }

    public void requested(Tx tx, long changeId, long requestId) {
        store.setChangeRequest(tx, changeId, requestId);
    }

    /** At the last approval: the pledge still waits for this change and its account is still active. */
    public Outcome<Void> check(Tx tx, long workspaceId, long changeId) {
        PledgeChange change = store.change(tx, workspaceId, changeId).orElseThrow();
        Pledge pledge = store.pledge(tx, workspaceId, change.pledgeId()).orElseThrow();
        if (!awaits(tx, pledge, change)) {
            return Outcome.invalid("pledge " + pledge.id() + " is " + pledge.state() + ", no longer waiting for this change");
        }
        Account account = accounts.find(tx, workspaceId, pledge.accountId()).orElseThrow();
        return account.status() == AccountStatus.ACTIVE ? Outcome.ok(null)
                : Outcome.invalid("account " + account.id() + " is " + account.status());
    }

    /** Carries out an approved change: the increment reserved, or the whole pledge released. */
    public Outcome<Pledge> apply(Tx tx, long workspaceId, long changeId, Instant now) {
        PledgeChange change = store.change(tx, workspaceId, changeId).orElseThrow();
        Pledge peek = store.pledge(tx, workspaceId, change.pledgeId()).orElseThrow();
        Account account = accounts.lock(tx, workspaceId, peek.accountId()).orElseThrow();
        Pledge pledge = store.lockPledge(tx, workspaceId, change.pledgeId()).orElseThrow();
        // Checked again under the locks: a settlement may have taken the pledge since the unlocked check.
        if (!awaits(tx, pledge, change)) {
            return Outcome.invalid("pledge " + pledge.id() + " is " + pledge.state() + ", no longer waiting for this change");
        }
        if (change.kind() == PledgeChange.Kind.FORCED_UNPLEDGE) {
            funds.release(tx, account, pledge.reserved(), now);
            return Outcome.ok(save(tx, pledge.with(PledgeState.UNPLEDGE_APPROVED, Amount.ZERO, Amount.ZERO, Amount.ZERO,
                    now)));
        }
        if (!funds.reserve(tx, account, change.amount(), now).isOk()) {
            return Outcome.invalid("insufficient funds: the available balance of account " + account.id()
                    + " cannot cover the increment of " + change.amount() + "; reject the request or add funds");
        }
        return Outcome.ok(save(tx, pledge.with(PledgeState.PLEDGE_READY, pledge.amount().plus(change.amount()),
                Amount.ZERO, pledge.reserved().plus(change.amount()), now)));
    }

    private Pledge save(Tx tx, Pledge pledge) {
        store.updatePledge(tx, pledge);
        return pledge;
    }

    /** A rejected or expired change: the pledge goes back to the state it had, nothing reserved for it. */
    public void abort(Tx tx, long workspaceId, long changeId, Instant now) {
        PledgeChange change = store.change(tx, workspaceId, changeId).orElseThrow();
        Pledge pledge = store.lockPledge(tx, workspaceId, change.pledgeId()).orElseThrow();
        if (awaits(tx, pledge, change)) {
            store.updatePledge(tx, pledge.with(change.previousState(), pledge.amount(), Amount.ZERO, pledge.reserved(), now));
        }
    }

    /**
     * The pledge waits for this very change: in its pending state, and this is its latest change (a
     * stale request, left open after a settlement took the pledge, neither applies nor undoes a newer one).
     */
    private boolean awaits(Tx tx, Pledge pledge, PledgeChange change) {
        return pledge.state() == waiting(change.kind())
                && store.latestChangeId(tx, pledge.workspaceId(), pledge.id()).orElse(-1L) == change.id();
    }

    private static PledgeState waiting(PledgeChange.Kind kind) {
        return kind == PledgeChange.Kind.PLEDGE_INCREMENT ? PledgeState.PLEDGE_INCREMENT_PENDING_APPROVAL
                : PledgeState.UNPLEDGE_PENDING_APPROVAL;
    }

    private record Found(Pledge pledge, Account account) {
    }

    /** The pledge a request names, visible to the caller, matching the repeated fields, and PLEDGE_READY. */
    private Outcome<Found> ready(Tx tx, Caller caller, long subaccountId, String accountName, String currency,
                                 String exchangeName) {
        Optional<Pledge> named = store.pledgeBySubaccount(tx, caller.workspaceId(), subaccountId)
                .filter(pledge -> store.visiblePledge(tx, caller, pledge.id()).isPresent());
        if (named.isEmpty()) {
            return Outcome.invalid("field 'data.pledge_subaccount_id': no pledge " + subaccountId);
        }
        Account account = accounts.lock(tx, caller.workspaceId(), named.get().accountId()).orElseThrow();
        Pledge pledge = store.lockPledge(tx, caller.workspaceId(), named.get().id()).orElseThrow();
        if (!account.name().equals(accountName)) {
            return Outcome.invalid("field 'account_name' '" + accountName + "' is not the pledged account's name");
        }
        if (!account.currency().equals(currency)) {
            return Outcome.invalid("field 'currency' '" + currency + "' is not the pledged account's currency, "
                    + account.currency());
        }
        if (!pledge.exchange().name().equals(exchangeName)) {
            return Outcome.invalid("field 'exchange_name' '" + exchangeName + "' is not the pledge's exchange");
        }
        if (account.status() != AccountStatus.ACTIVE) {
            return Outcome.invalid("account " + account.id() + " is " + account.status());
        }
        if (pledge.state() != PledgeState.PLEDGE_READY) {
            return Outcome.invalid("pledge " + pledge.id() + " is " + pledge.state() + "; only a PLEDGE_READY pledge changes");
        }
        return Outcome.ok(new Found(pledge, account));
    }
}
