package io.coffer.governance;

import java.util.List;

/** Rule sets as a client writes them, before they are stored and given ids. */
public record RuleSetDraft(String name, List<RuleDraft> rules) {

    public RuleSetDraft {
        rules = List.copyOf(rules);
    }

    /** A rule without its id; the stored rule gets one. */
    public sealed interface RuleDraft {

        /** @see Rule.MultiAuthorizations */
        record MultiAuthorizations(List<Rule.Step> steps) implements RuleDraft {
            public MultiAuthorizations {
                steps = List.copyOf(steps);
            }
        }

        /** @see Rule.Threshold */
        record Threshold(List<Rule.Range> ranges) implements RuleDraft {
            public Threshold {
                ranges = List.copyOf(ranges);
            }
        }

        /** @see Rule.Whitelist */
        record Whitelist(List<Long> whitelistIds) implements RuleDraft {
            public Whitelist {
                whitelistIds = List.copyOf(whitelistIds);
            }
        }
    }

    /** Every user named in the drafts' steps. */
    public static java.util.Set<Long> namedUsers(List<RuleSetDraft> drafts) {
        java.util.Set<Long> users = new java.util.TreeSet<>();
        for (RuleSetDraft draft : drafts) {
            for (RuleDraft rule : draft.rules()) {
                if (rule instanceof RuleDraft.MultiAuthorizations multi) {
                    for (Rule.Step step : multi.steps()) {
                        if (step instanceof Rule.UsersStep usersStep) {
                            users.addAll(usersStep.users());
                        }
                    }
                }
            }
        }
        return users;
    }
}
