package io.coffer.request;

import io.coffer.account.Memberships;
import io.coffer.common.Caller;
import io.coffer.common.ObjectStatus;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.entity.EntityService;
import java.time.Instant;
import java.util.Optional;

/** {@code CREATE_ENTITY}: a pending entity, which takes its accounts once approved. */
final class CreateEntityHandler extends AdminHandler<AdminChange.CreateEntity> {

    private final Memberships memberships;

    CreateEntityHandler(AdminChecks checks, Requests requests, Memberships memberships) {
        super(AdminChange.CreateEntity.class, checks, requests);
        this.memberships = memberships;
    }

    @Override
    Outcome<Void> check(Tx tx, long ws, long requester, AdminChange.CreateEntity change, Optional<Long> target) {
        return EntityService.checkName(change.name())
                .flatMap(ok -> checks.entityNameFree(tx, ws, change.name(), target))
                .flatMap(ok -> checks.entityAccounts(tx, ws, change.accounts(), target.orElse(0L)));
    }

    @Override
    Outcome<Long> target(Tx tx, Caller caller, AdminChange.CreateEntity change, Instant now) {
        return Outcome.ok(checks.entities.create(tx, caller.workspaceId(), change.name(), ObjectStatus.PENDING,
                caller.userId(), now));
    }

    @Override
    void apply(Tx tx, long ws, AdminChange.CreateEntity change, long target) {
        checks.entities.setStatus(tx, target, ObjectStatus.ACTIVE);
        checks.entities.assignAccounts(tx, target, change.accounts());
        memberships.refresh(tx, ws);
    }

    @Override
    void abort(Tx tx, long ws, AdminChange.CreateEntity change, long target) {
        checks.entities.setStatus(tx, target, ObjectStatus.REJECTED);
    }
}
