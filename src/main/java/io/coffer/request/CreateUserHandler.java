package io.coffer.request;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.user.ApprovalKeys;
import io.coffer.user.UserService;
import io.coffer.user.UserStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code CREATE_API_USER} and {@code CREATE_OPERATOR}: a pending user with its approval key, active
 * once approved; it then claims its API key by proving it holds that approval key.
 */
final class CreateUserHandler extends AdminHandler<AdminChange.CreateUser> {

    private final UserService users;

    CreateUserHandler(AdminChecks checks, Requests requests, UserService users) {
        super(AdminChange.CreateUser.class, checks, requests);
        this.users = users;
    }

    @Override
    Outcome<Void> check(Tx tx, long ws, long requester, AdminChange.CreateUser change, Optional<Long> target) {
        if (ApprovalKeys.normalize(change.publicKey()).isEmpty()) {
            return Outcome.invalid("public_key must be an uncompressed P-256 point in hex (04 followed by 128 hex digits)");
        }
        return UserService.checkUsername(change.username());
    }

    @Override
    Outcome<Long> target(Tx tx, Caller caller, AdminChange.CreateUser change, Instant now) {
        return users.create(tx, caller.workspaceId(), new UserService.UserRequest(change.username(), change.role(),
                        change.viewAll(), Optional.of(change.publicKey())), Optional.of(caller.userId()), now,
                UserStatus.PENDING_APPROVAL).map(created -> created.id());
    }

    @Override
    void apply(Tx tx, long ws, AdminChange.CreateUser change, long target) {
        checks.users.setStatus(tx, target, UserStatus.ACTIVE);
    }

    @Override
    void abort(Tx tx, long ws, AdminChange.CreateUser change, long target) {
        checks.users.setStatus(tx, target, UserStatus.REJECTED);
    }
}
