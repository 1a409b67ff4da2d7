package io.coffer.request;

import io.coffer.account.AccountService;
import io.coffer.account.AccountStatus;
import io.coffer.account.Memberships;
import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.entity.Entity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code CREATE_ACCOUNT}: a pending account with its keys and rules, active (and in its entity) once approved. */
final class CreateAccountHandler extends AdminHandler<AdminChange.CreateAccount> {

    private final AccountService accounts;
    private final Memberships memberships;

    CreateAccountHandler(AdminChecks checks, Requests requests, AccountService accounts, Memberships memberships) {
        super(AdminChange.CreateAccount.class, checks, requests);
        this.accounts = accounts;
        this.memberships = memberships;
    }

    @Override
    Outcome<Void> check(Tx tx, long ws, long requester, AdminChange.CreateAccount change, Optional<Long> target) {
        Outcome<Void> entity = change.entity().map(id -> checks.activeEntity(tx, ws, id).<Void>map(found -> null))
                .orElse(Outcome.ok(null));
        return entity.flatMap(ok -> change.account().rules().map(rules -> accounts.checkRules(tx, ws, rules)
                .<Void>map(fine -> null)).orElse(Outcome.ok(null)));
    }

    @Override
    Outcome<Long> target(Tx tx, Caller caller, AdminChange.CreateAccount change, Instant now) {
        return accounts.open(tx, caller, change.account(), AccountStatus.PENDING, now).map(details -> details.account().id());
    }

    @Override
    void apply(Tx tx, long ws, AdminChange.CreateAccount change, long target) {
        accounts.setStatus(tx, target, AccountStatus.ACTIVE);
        Optional<Entity> entity = change.entity().flatMap(id -> checks.activeEntity(tx, ws, id).isOk()
                ? checks.entities.find(tx, ws, id) : Optional.empty());
        if (entity.isPresent() && checks.entities.ownedElsewhere(tx, List.of(target), entity.get().id()).isEmpty()) {
            List<Long> owned = new ArrayList<>(entity.get().accounts());
            owned.add(target);
            checks.entities.assignAccounts(tx, entity.get().id(), owned);
        }
        memberships.refresh(tx, ws);
    }

    @Override
    void abort(Tx tx, long ws, AdminChange.CreateAccount change, long target) {
        accounts.reject(tx, ws, target);
    }
}
