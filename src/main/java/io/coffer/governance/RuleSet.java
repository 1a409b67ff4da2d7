package io.coffer.governance;

import java.util.List;

/**
 * A named set of governance rules of an account ({@code AccountRuleSet}); the rule sets of an
 * account are alternatives, chosen per request (for example by amount).
 *
 * @param id the rule set's id
 * @param index its position among the account's rule sets, from 0
 */
public record RuleSet(long id, int index, String name, List<Rule> rules) {

    public RuleSet {
        rules = List.copyOf(rules);
    }
}
