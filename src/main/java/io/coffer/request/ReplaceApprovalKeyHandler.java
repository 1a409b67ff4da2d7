package io.coffer.request;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Role;
import io.coffer.common.Tx;
import io.coffer.user.ApprovalKeys;
import io.coffer.user.UserStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code MIGRATE_ADMIN} and {@code MIGRATE_OPERATOR}: an active user's approval key registered or
 * replaced, approved by the admin quorum like any administrative change.
 */
final class ReplaceApprovalKeyHandler extends AdminHandler<AdminChange.ReplaceApprovalKey> {

    ReplaceApprovalKeyHandler(AdminChecks checks, Requests requests) {
        super(AdminChange.ReplaceApprovalKey.class, checks, requests);
    }

    @Override
    Outcome<Void> check(Tx tx, long ws, long requester, AdminChange.ReplaceApprovalKey change, Optional<Long> target) {
        if (ApprovalKeys.normalize(change.publicKey()).isEmpty()) {
            return Outcome.invalid("public_key must be an uncompressed P-256 point in hex (04 followed by 128 hex digits)");
        }
        return checks.user(tx, ws, change.userId()).flatMap(user -> {
            if (user.status() != UserStatus.ACTIVE || user.reportingKey()) {
                return Outcome.invalid("user " + user.id() + " is " + user.status()
                        + (user.reportingKey() ? " and a reporting key" : "") + ": only active users have approval keys");
            }
            Role expected = change.type() == RequestType.MIGRATE_ADMIN ? Role.ADMIN : Role.OPERATOR;
            if (user.role() != expected) {
                return Outcome.invalid("user " + user.id() + " is an " + user.role() + ": its key changes by "
                        + (user.role() == Role.ADMIN ? "MIGRATE_ADMIN" : "MIGRATE_OPERATOR"));
            }
            return Outcome.ok(null);
        });
    }

    @Override
    Outcome<Long> target(Tx tx, Caller caller, AdminChange.ReplaceApprovalKey change, Instant now) {
        return Outcome.ok(change.userId());
    }

    @Override
    void apply(Tx tx, long ws, AdminChange.ReplaceApprovalKey change, long target) {
        checks.users.setPublicKey(tx, target, ApprovalKeys.normalize(change.publicKey()).orElseThrow());
        // A key is replaced when it was lost or stolen: the API key claimed with it and every session end
        // too (the user claims a new API key with its new approval key).
        checks.users.replaceSecret(tx, target, "migrated-" + target + "-" + java.util.UUID.randomUUID(),
                "-".repeat(64));
        checks.users.endSessions(tx, target);
    }
}
