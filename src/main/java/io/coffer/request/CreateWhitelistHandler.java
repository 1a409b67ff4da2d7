package io.coffer.request;

import io.coffer.common.Caller;
import io.coffer.common.ObjectStatus;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.compliance.ComplianceService;
import io.coffer.whitelist.WhitelistService;
import java.time.Instant;
import java.util.Optional;

/** {@code CREATE_WHITELIST}: a pending whitelist of valid addresses, active once approved. */
final class CreateWhitelistHandler extends AdminHandler<AdminChange.CreateWhitelist> {

    private final WhitelistService rules;
    private final ComplianceService compliance;

    CreateWhitelistHandler(AdminChecks checks, Requests requests, WhitelistService rules, ComplianceService compliance) {
        super(AdminChange.CreateWhitelist.class, checks, requests);
        this.rules = rules;
        this.compliance = compliance;
    }

    @Override
    Outcome<Void> check(Tx tx, long ws, long requester, AdminChange.CreateWhitelist change, Optional<Long> target) {
        return rules.check(change.name(), change.description(), change.addresses())
                .flatMap(ok -> WhitelistSanctions.check(compliance, change.addresses()))
                .flatMap(ok -> checks.whitelistNameFree(tx, ws, change.name(), target));
    }

    @Override
    Outcome<Long> target(Tx tx, Caller caller, AdminChange.CreateWhitelist change, Instant now) {
        return Outcome.ok(checks.whitelists.create(tx, caller.workspaceId(), change.name(), change.description(),
                change.addresses(), ObjectStatus.PENDING, caller.userId(), now));
    }

    @Override
    void apply(Tx tx, long ws, AdminChange.CreateWhitelist change, long target) {
        checks.whitelists.setStatus(tx, target, ObjectStatus.ACTIVE);
    }

    @Override
    void abort(Tx tx, long ws, AdminChange.CreateWhitelist change, long target) {
        checks.whitelists.setStatus(tx, target, ObjectStatus.REJECTED);
    }
}
