package io.coffer.request;

import io.coffer.account.Memberships;
import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.group.Group;
import io.coffer.group.GroupService;
import java.time.Instant;
import java.util.Optional;

/** {@code EDIT_GROUP}: a new name, description or member list; rules using the group must stay reachable. */
final class EditGroupHandler extends AdminHandler<AdminChange.EditGroup> {

    private final Memberships memberships;

    EditGroupHandler(AdminChecks checks, Requests requests, Memberships memberships) {
        super(AdminChange.EditGroup.class, checks, requests);
        this.memberships = memberships;
    }

    @Override
    Outcome<Void> check(Tx tx, long ws, long requester, AdminChange.EditGroup change, Optional<Long> target) {
        if (change.name().isEmpty() && change.description().isEmpty() && change.members().isEmpty()) {
            return Outcome.invalid("an EDIT_GROUP request needs name, description or members");
        }
        return checks.activeGroup(tx, ws, change.groupId()).flatMap(group ->
                GroupService.checkText(change.name().orElse(group.name()), change.description().orElse(group.description()))
                        .flatMap(ok -> checks.groupNameFree(tx, ws, change.name().orElse(group.name()), Optional.of(group.id())))
                        .flatMap(ok -> change.members().map(members -> checks.members(tx, ws, members)
                                        .flatMap(fine -> checks.quorumsReachable(tx, group.id(), members.size())))
                                .orElse(Outcome.ok(null))));
    }

    @Override
    Outcome<Long> target(Tx tx, Caller caller, AdminChange.EditGroup change, Instant now) {
        return Outcome.ok(change.groupId());
    }

    @Override
    void apply(Tx tx, long ws, AdminChange.EditGroup change, long target) {
        Group group = checks.groups.find(tx, ws, target).orElseThrow();
        checks.groups.update(tx, target, change.name().orElse(group.name()), change.description().orElse(group.description()),
                change.members().orElse(group.members()));
        memberships.refresh(tx, ws);
    }
}
