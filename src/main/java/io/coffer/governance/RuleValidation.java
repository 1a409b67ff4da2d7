package io.coffer.governance;

import io.coffer.common.Outcome;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks rule sets a client wrote before they are stored. */
public final class RuleValidation {

    private static final int MAX_RULE_SETS = 20;
    private static final int MAX_STEPS = 20;
    private static final int MAX_USERS_PER_STEP = 100;

    private RuleValidation() {
    }

    /**
     * What rules may name: the workspace's active users, its active groups (with their sizes) and its
     * active whitelists.
     */
    public record Known(Set<Long> users, java.util.Map<Long, Integer> groupSizes, Set<Long> whitelists) {
    }

    /** @return the drafts, or the first problem found */
    public static Outcome<List<RuleSetDraft>> validate(List<RuleSetDraft> drafts, Known known) {
        if (drafts.isEmpty()) {
            return Outcome.invalid("governance_rules must contain at least one rule set");
        }
        if (drafts.size() > MAX_RULE_SETS) {
            return Outcome.invalid("governance_rules may contain at most " + MAX_RULE_SETS + " rule sets");
        }
        for (int i = 0; i < drafts.size(); i++) {
            String where = "governance_rules[" + i + "]";
            RuleSetDraft draft = drafts.get(i);
            if (draft.name().isBlank() || draft.name().length() > 128) {
                return Outcome.invalid(where + ".name must be 1-128 characters");
            }
            Outcome<Void> problem = checkRules(where, draft.rules(), known);
            if (!problem.isOk()) {
                return problem.map(ignored -> drafts);
            }
        }
        return Outcome.ok(drafts);
    }

    private static Outcome<Void> checkRules(String where, List<RuleSetDraft.RuleDraft> rules, Known known) {
        int multi = 0;
        Set<Class<?>> seen = new HashSet<>();
        for (int j = 0; j < rules.size(); j++) {
            RuleSetDraft.RuleDraft rule = rules.get(j);
            String at = where + ".rules[" + j + "]";
            if (!seen.add(rule.getClass())) {
                return Outcome.invalid(at + ": a rule set holds at most one rule of each type");
            }
            Outcome<Void> problem = switch (rule) {
                case RuleSetDraft.RuleDraft.MultiAuthorizations m -> checkSteps(at, m.steps(), known);
                case RuleSetDraft.RuleDraft.Threshold t -> checkRanges(at, t.ranges());
                case RuleSetDraft.RuleDraft.Whitelist w -> checkWhitelists(at, w.whitelistIds(), known.whitelists());
            };
            if (!problem.isOk()) {
                return problem;
            }
            if (rule instanceof RuleSetDraft.RuleDraft.MultiAuthorizations) {
                multi++;
            }
        }
        if (multi == 0) {
            return Outcome.invalid(where + " needs a MULTI_AUTHORIZATIONS rule: someone must approve");
        }
        return Outcome.ok(null);
    }

    private static Outcome<Void> checkWhitelists(String at, List<Long> ids, Set<Long> known) {
        if (ids.isEmpty()) {
            return Outcome.invalid(at + ".data must name at least one whitelist");
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            return Outcome.invalid(at + ".data names a whitelist twice");
        }
        for (Long id : ids) {
            if (!known.contains(id)) {
                return Outcome.invalid(at + ".data: no active whitelist " + id + " in this workspace");
            }
        }
        return Outcome.ok(null);
    }

    private static Outcome<Void> checkSteps(String at, List<Rule.Step> steps, Known known) {
        Set<Long> knownUsers = known.users();
        if (steps.isEmpty() || steps.size() > MAX_STEPS) {
            return Outcome.invalid(at + ".data must hold 1-" + MAX_STEPS + " approval steps");
        }
        for (int k = 0; k < steps.size(); k++) {
            String step = at + ".data[" + k + "]";
            switch (steps.get(k)) {
                case Rule.GroupStep group -> {
                    Integer size = known.groupSizes().get(group.groupId());
                    if (size == null) {
                        return Outcome.invalid(step + ".group: no active group " + group.groupId() + " in this workspace");
                    }
                    if (group.quorum() < 1 || group.quorum() > size) {
                        return Outcome.invalid(step + ".quorum must be between 1 and the group's " + size + " members");
                    }
                }
                case Rule.UsersStep users -> {
                    if (users.users().isEmpty() || users.users().size() > MAX_USERS_PER_STEP) {
                        return Outcome.invalid(step + ".users must name 1-" + MAX_USERS_PER_STEP + " users");
                    }
                    if (new HashSet<>(users.users()).size() != users.users().size()) {
                        return Outcome.invalid(step + ".users names a user twice");
                    }
                    for (Long user : users.users()) {
                        if (!knownUsers.contains(user)) {
                            return Outcome.invalid(step + ".users: no active user " + user + " in this workspace");
                        }
                    }
                    if (users.quorum() < 1 || users.quorum() > users.users().size()) {
                        return Outcome.invalid(step + ".quorum must be between 1 and the number of users");
                    }
                }
            }
        }
        return Outcome.ok(null);
    }

    private static Outcome<Void> checkRanges(String at, List<Rule.Range> ranges) {
        if (ranges.isEmpty()) {
            return Outcome.invalid(at + ".data must hold at least one range");
        }
        for (int k = 0; k < ranges.size(); k++) {
            Rule.Range range = ranges.get(k);
            if (range.min().signum() < 0) {
                return Outcome.invalid(at + ".data[" + k + "].min must not be negative");
            }
            if (range.max().isPresent() && range.max().get().compareTo(range.min()) < 0) {
                return Outcome.invalid(at + ".data[" + k + "].max must not be below min");
            }
        }
        return Outcome.ok(null);
    }
}
