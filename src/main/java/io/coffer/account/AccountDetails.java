package io.coffer.account;

import io.coffer.governance.RuleSet;
import io.coffer.ledger.Balance;
import java.util.List;

/** An account with what its API representation shows besides the row: rules and balance. */
public record AccountDetails(Account account, List<RuleSet> rules, Balance balance) {

    public AccountDetails {
        rules = List.copyOf(rules);
    }
}
