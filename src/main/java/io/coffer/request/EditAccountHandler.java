package io.coffer.request;

import io.coffer.account.AccountService;
import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import java.time.Instant;
import java.util.Optional;

/** {@code EDIT_ACCOUNT}: a new name and/or new rules; requests in flight keep the steps they were given. */
final class EditAccountHandler extends AdminHandler<AdminChange.EditAccount> {

    private final AccountService accounts;

    EditAccountHandler(AdminChecks checks, Requests requests, AccountService accounts) {
        super(AdminChange.EditAccount.class, checks, requests);
        this.accounts = accounts;
    }

    @Override
    Outcome<Void> check(Tx tx, long ws, long requester, AdminChange.EditAccount change, Optional<Long> target) {
        if (change.name().isEmpty() && change.rules().isEmpty()) {
            return Outcome.invalid("an EDIT_ACCOUNT request needs name or governance_rules");
        }
        return checks.activeAccount(tx, ws, change.accountId())
                .flatMap(account -> change.name().map(name -> accounts.checkName(tx, ws, name, account.id()).<Void>map(ok -> null))
                        .orElse(Outcome.ok(null)))
                .flatMap(ok -> change.rules().map(rules -> accounts.checkRules(tx, ws, rules).<Void>map(fine -> null))
                        .orElse(Outcome.ok(null)));
    }

    @Override
    Outcome<Long> target(Tx tx, Caller caller, AdminChange.EditAccount change, Instant now) {
        return Outcome.ok(change.accountId());
    }

    @Override
    void apply(Tx tx, long ws, AdminChange.EditAccount change, long target) {
        accounts.applyEdit(tx, checks.accounts.find(tx, ws, target).orElseThrow(), change.name().map(String::strip),
                change.rules());
    }
}
