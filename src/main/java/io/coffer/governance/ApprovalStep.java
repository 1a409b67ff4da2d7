package io.coffer.governance;

import java.util.List;
import java.util.Optional;

/**
 * A step of a request's approval, fixed when the request is created: who may approve and how many
 * of them must.
 *
 * @param group the group the users came from, for group steps
 */
public record ApprovalStep(List<Long> users, int quorum, Optional<Long> group) {

    public ApprovalStep {
        users = List.copyOf(users);
        if (quorum < 1 || quorum > users.size()) {
            throw new IllegalArgumentException("quorum " + quorum + " for " + users.size() + " users");
        }
    }

    /**
     * Whether every set of approvals that completes this step also completes {@code other}: this
     * step's users are all users of the other, and it asks at least as many of them.
     */
    public boolean covers(ApprovalStep other) {
        return quorum >= other.quorum && other.users.containsAll(users);
    }

    /**
     * The steps of {@code first}, followed by those of {@code also} that no step of {@code first}
     * already covers: what a request needs when two sets of rules must both be satisfied.
     */
    public static List<ApprovalStep> both(List<ApprovalStep> first, List<ApprovalStep> also) {
        List<ApprovalStep> steps = new java.util.ArrayList<>(first);
        for (ApprovalStep step : also) {
            if (first.stream().noneMatch(mine -> mine.covers(step))) {
                steps.add(step);
            }
        }
        return steps;
    }
}
