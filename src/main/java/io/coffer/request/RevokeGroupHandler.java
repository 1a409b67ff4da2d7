package io.coffer.request;

import io.coffer.account.Memberships;
import io.coffer.common.Caller;
import io.coffer.common.ObjectStatus;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code REVOKE_GROUP}: only a group no account's rules use. */
final class RevokeGroupHandler extends AdminHandler<AdminChange.RevokeGroup> {

    private final Memberships memberships;

    RevokeGroupHandler(AdminChecks checks, Requests requests, Memberships memberships) {
        super(AdminChange.RevokeGroup.class, checks, requests);
        this.memberships = memberships;
    }

    @Override
    Outcome<Void> check(Tx tx, long ws, long requester, AdminChange.RevokeGroup change, Optional<Long> target) {
        return checks.activeGroup(tx, ws, change.groupId()).flatMap(group -> {
            List<Long> using = checks.groups.accountsUsing(tx, group.id());
            return using.isEmpty() ? Outcome.ok(null)
                    : Outcome.invalid("group " + group.id() + " is used by the rules of accounts " + using
                            + "; change those rules first");
        });
    }

    @Override
    Outcome<Long> target(Tx tx, Caller caller, AdminChange.RevokeGroup change, Instant now) {
        return Outcome.ok(change.groupId());
    }

    @Override
    void apply(Tx tx, long ws, AdminChange.RevokeGroup change, long target) {
        checks.groups.setStatus(tx, target, ObjectStatus.REVOKED);
        memberships.refresh(tx, ws);
    }
}
