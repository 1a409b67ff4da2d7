package io.coffer.governance;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** Chooses the rule set that governs a request by amount, and reads its whitelists. */
public final class RuleSelection {

    private RuleSelection() {
    }

    /**
     * The first rule set whose THRESHOLD rule (if it has one) contains the amount; rule sets without
     * a THRESHOLD rule govern every amount.
     */
    public static Optional<RuleSet> forAmount(List<RuleSet> ruleSets, BigInteger amount) {
        for (RuleSet set : ruleSets) {
            Optional<Rule.Threshold> threshold = set.rules().stream()
                    .filter(Rule.Threshold.class::isInstance).map(Rule.Threshold.class::cast).findFirst();
            if (threshold.isEmpty() || threshold.get().ranges().stream().anyMatch(range -> contains(range, amount))) {
                return Optional.of(set);
            }
        }
        return Optional.empty();
    }

    /** The whitelists a rule set restricts destinations to; empty when it has no WHITELIST rule. */
    public static Optional<List<Long>> whitelists(RuleSet set) {
        return set.rules().stream().filter(Rule.Whitelist.class::isInstance).map(Rule.Whitelist.class::cast)
                .findFirst().map(Rule.Whitelist::whitelistIds);
    }

    private static boolean contains(Rule.Range range, BigInteger amount) {
        return amount.compareTo(range.min()) >= 0 && range.max().map(max -> amount.compareTo(max) <= 0).orElse(true);
    }
}
