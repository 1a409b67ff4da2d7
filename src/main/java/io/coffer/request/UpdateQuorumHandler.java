package io.coffer.request;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import java.time.Instant;
import java.util.Optional;

/** {@code UPDATE_QUORUM}: how many admins approve administrative requests, between 1 and the active admins. */
final class UpdateQuorumHandler extends AdminHandler<AdminChange.UpdateQuorum> {

    UpdateQuorumHandler(AdminChecks checks, Requests requests) {
        super(AdminChange.UpdateQuorum.class, checks, requests);
    }

    @Override
    Outcome<Void> check(Tx tx, long ws, long requester, AdminChange.UpdateQuorum change, Optional<Long> target) {
        int admins = checks.users.activeAdmins(tx, ws).size();
        return change.quorum() >= 1 && change.quorum() <= admins ? Outcome.ok(null)
                : Outcome.invalid("quorum must be between 1 and the " + admins + " active admins");
    }

    @Override
    Outcome<Long> target(Tx tx, Caller caller, AdminChange.UpdateQuorum change, Instant now) {
        return Outcome.ok(caller.workspaceId());
    }

    @Override
    void apply(Tx tx, long ws, AdminChange.UpdateQuorum change, long target) {
        checks.workspaces.setAdminQuorum(tx, ws, Math.min(change.quorum(), Math.max(1, checks.users.activeAdmins(tx, ws).size())));
    }
}
