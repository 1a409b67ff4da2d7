package io.coffer.request;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.user.UserStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code REVOKE_USER}: the user (or reporting key) loses its access for good, every session and
 * refresh token with it. Never an admin's own revocation, never the last active admin.
 */
final class RevokeUserHandler extends AdminHandler<AdminChange.RevokeUser> {

    RevokeUserHandler(AdminChecks checks, Requests requests) {
        super(AdminChange.RevokeUser.class, checks, requests);
    }

    @Override
    Outcome<Void> check(Tx tx, long ws, long requester, AdminChange.RevokeUser change, Optional<Long> target) {
        return checks.user(tx, ws, change.userId()).flatMap(user -> {
            if (user.status() == UserStatus.REVOKED || user.status() == UserStatus.REJECTED) {
                return Outcome.invalid("user " + user.id() + " is already " + user.status());
            }
            if (user.id() == requester) {
                return Outcome.invalid("an admin cannot request its own revocation");
            }
            if (checks.lastActiveAdmin(tx, ws, user)) {
                return Outcome.invalid("user " + user.id() + " is the last active admin");
            }
            return Outcome.ok(null);
        });
    }

    @Override
    Outcome<Long> target(Tx tx, Caller caller, AdminChange.RevokeUser change, Instant now) {
        return Outcome.ok(change.userId());
    }

    @Override
    void apply(Tx tx, long ws, AdminChange.RevokeUser change, long target) {
        checks.users.setStatus(tx, target, UserStatus.REVOKED);
        checks.users.endSessions(tx, target);
    }
}
