package io.coffer.request;

import io.coffer.common.Outcome;
import io.coffer.compliance.ComplianceService;
import io.coffer.whitelist.WhitelistAddress;
import java.util.List;

/** Whitelists never take a sanctioned address: the first one found refuses the change. */
final class WhitelistSanctions {

    private WhitelistSanctions() {
    }

    static Outcome<Void> check(ComplianceService compliance, List<WhitelistAddress> addresses) {
        for (int i = 0; i < addresses.size(); i++) {
            var refusal = compliance.refusal("addresses[" + i + "].address", addresses.get(i).address());
            if (refusal.isPresent()) {
                return Outcome.failed(refusal.get());
            }
        }
        return Outcome.ok(null);
    }
}
