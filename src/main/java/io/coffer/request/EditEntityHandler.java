package io.coffer.request;

import io.coffer.account.Memberships;
import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.entity.EntityService;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code EDIT_ENTITY}: a new name and/or a new set of accounts, which replaces the old one. */
final class EditEntityHandler extends AdminHandler<AdminChange.EditEntity> {

    private final Memberships memberships;

    EditEntityHandler(AdminChecks checks, Requests requests, Memberships memberships) {
        super(AdminChange.EditEntity.class, checks, requests);
        this.memberships = memberships;
    }

    @Override
    Outcome<Void> check(Tx tx, long ws, long requester, AdminChange.EditEntity change, Optional<Long> target) {
        if (change.name().isEmpty() && change.accounts().isEmpty()) {
            return Outcome.invalid("an EDIT_ENTITY request needs name or accounts");
        }
        return checks.activeEntity(tx, ws, change.entityId()).flatMap(entity ->
                EntityService.checkName(change.name().orElse(entity.name()))
                        .flatMap(ok -> checks.entityNameFree(tx, ws, change.name().orElse(entity.name()),
                                Optional.of(entity.id())))
                        .flatMap(ok -> checks.entityAccounts(tx, ws, change.accounts().orElse(List.of()), entity.id())));
    }

    @Override
    Outcome<Long> target(Tx tx, Caller caller, AdminChange.EditEntity change, Instant now) {
        return Outcome.ok(change.entityId());
    }

    @Override
    void apply(Tx tx, long ws, AdminChange.EditEntity change, long target) {
        change.name().ifPresent(name -> checks.entities.rename(tx, target, name));
        change.accounts().ifPresent(list -> checks.entities.assignAccounts(tx, target, list));
        memberships.refresh(tx, ws);
    }
}
