package io.coffer.request;

import io.coffer.account.Memberships;
import io.coffer.common.Caller;
import io.coffer.common.ObjectStatus;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code REVOKE_ENTITY}: the entity ends and releases its accounts. */
final class RevokeEntityHandler extends AdminHandler<AdminChange.RevokeEntity> {

    private final Memberships memberships;

    RevokeEntityHandler(AdminChecks checks, Requests requests, Memberships memberships) {
        super(AdminChange.RevokeEntity.class, checks, requests);
        this.memberships = memberships;
    }

    @Override
    Outcome<Void> check(Tx tx, long ws, long requester, AdminChange.RevokeEntity change, Optional<Long> target) {
        return checks.activeEntity(tx, ws, change.entityId()).map(entity -> null);
    }

    @Override
    Outcome<Long> target(Tx tx, Caller caller, AdminChange.RevokeEntity change, Instant now) {
        return Outcome.ok(change.entityId());
    }

    @Override
    void apply(Tx tx, long ws, AdminChange.RevokeEntity change, long target) {
        checks.entities.setStatus(tx, target, ObjectStatus.REVOKED);
        checks.entities.assignAccounts(tx, target, List.of());
        memberships.refresh(tx, ws);
    }
}
