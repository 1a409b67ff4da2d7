package io.coffer.account;

import io.coffer.governance.RuleSet;
import io.coffer.ledger.Balance;
import java.util.List;

/** An account with what its API representation shows besides the row: rules, balance, last request, labels. */
public record AccountDetails(Account account, List<RuleSet> rules, Balance balance, java.util.Optional<Long> lastRequest,
                             List<io.coffer.label.Label> labels) {

    public AccountDetails {
        rules = List.copyOf(rules);
        labels = List.copyOf(labels);
    }
}
