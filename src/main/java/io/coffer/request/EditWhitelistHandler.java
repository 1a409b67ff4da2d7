package io.coffer.request;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.compliance.ComplianceService;
import io.coffer.whitelist.Whitelist;
import io.coffer.whitelist.WhitelistService;
import java.time.Instant;
import java.util.Optional;

/** {@code EDIT_WHITELIST}: a new name, description or address list (which replaces the old one). */
final class EditWhitelistHandler extends AdminHandler<AdminChange.EditWhitelist> {

    private final WhitelistService rules;
    private final ComplianceService compliance;

    EditWhitelistHandler(AdminChecks checks, Requests requests, WhitelistService rules, ComplianceService compliance) {
        super(AdminChange.EditWhitelist.class, checks, requests);
        this.rules = rules;
        this.compliance = compliance;
    }

    @Override
    Outcome<Void> check(Tx tx, long ws, long requester, AdminChange.EditWhitelist change, Optional<Long> target) {
        if (change.name().isEmpty() && change.description().isEmpty() && change.addresses().isEmpty()) {
            return Outcome.invalid("an EDIT_WHITELIST request needs name, description or addresses");
        }
        Outcome<Void> sanctioned = WhitelistSanctions.check(compliance, change.addresses().orElse(java.util.List.of()));
        if (sanctioned instanceof Outcome.Failed<Void> failed) {
            return Outcome.failed(failed.problem());
        }
        return checks.activeWhitelist(tx, ws, change.whitelistId()).flatMap(list ->
                rules.check(change.name().orElse(list.name()), change.description().or(list::description),
                                change.addresses().orElse(list.addresses()))
                        .flatMap(ok -> checks.whitelistNameFree(tx, ws, change.name().orElse(list.name()),
                                Optional.of(list.id()))));
    }

    @Override
    Outcome<Long> target(Tx tx, Caller caller, AdminChange.EditWhitelist change, Instant now) {
        return Outcome.ok(change.whitelistId());
    }

    @Override
    void apply(Tx tx, long ws, AdminChange.EditWhitelist change, long target) {
        Whitelist list = checks.whitelists.find(tx, ws, target).orElseThrow();
        checks.whitelists.update(tx, target, change.name().orElse(list.name()), change.description().or(list::description),
                change.addresses().orElse(list.addresses()));
    }
}
