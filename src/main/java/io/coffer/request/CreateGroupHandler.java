package io.coffer.request;

import io.coffer.common.Caller;
import io.coffer.common.ObjectStatus;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.group.GroupService;
import java.time.Instant;
import java.util.Optional;

/** {@code CREATE_GROUP}: a pending group, active once approved. */
final class CreateGroupHandler extends AdminHandler<AdminChange.CreateGroup> {

    CreateGroupHandler(AdminChecks checks, Requests requests) {
        super(AdminChange.CreateGroup.class, checks, requests);
    }

    @Override
    Outcome<Void> check(Tx tx, long ws, long requester, AdminChange.CreateGroup change, Optional<Long> target) {
        return GroupService.checkText(change.name(), change.description())
                .flatMap(ok -> checks.groupNameFree(tx, ws, change.name(), target))
                .flatMap(ok -> checks.members(tx, ws, change.members()));
    }

    @Override
    Outcome<Long> target(Tx tx, Caller caller, AdminChange.CreateGroup change, Instant now) {
        return Outcome.ok(checks.groups.create(tx, caller.workspaceId(), change.name(), change.description(),
                change.members(), ObjectStatus.PENDING, caller.userId(), now));
    }

    @Override
    void apply(Tx tx, long ws, AdminChange.CreateGroup change, long target) {
        checks.groups.setStatus(tx, target, ObjectStatus.ACTIVE);
    }

    @Override
    void abort(Tx tx, long ws, AdminChange.CreateGroup change, long target) {
        checks.groups.setStatus(tx, target, ObjectStatus.REJECTED);
    }
}
