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
     * Whether distinct users can complete every step: each user votes once, for one step, and the
     * creator's first approval counts for the first step when it is one of its users (and for none
     * otherwise). A matching of users to the steps' quorum slots (augmenting paths) decides it.
     */
    public static boolean satisfiable(List<ApprovalStep> steps, long creator) {
        List<List<Long>> slots = new java.util.ArrayList<>();
        boolean creatorTaken = !steps.isEmpty() && steps.getFirst().users().contains(creator);
        for (int i = 0; i < steps.size(); i++) {
            List<Long> candidates = steps.get(i).users().stream().filter(user -> user != creator).toList();
            int needed = steps.get(i).quorum() - (i == 0 && creatorTaken ? 1 : 0);
            for (int k = 0; k < needed; k++) {
                slots.add(candidates);
            }
        }
        java.util.Map<Long, Integer> slotOf = new java.util.HashMap<>();
        for (int slot = 0; slot < slots.size(); slot++) {
            if (!assign(slot, slots, slotOf, new java.util.HashSet<>())) {
                return false;
            }
        }
        return true;
    }

    private static boolean assign(int slot, List<List<Long>> slots, java.util.Map<Long, Integer> slotOf,
                                  java.util.Set<Long> visited) {
        for (Long user : slots.get(slot)) {
            if (visited.add(user) && (!slotOf.containsKey(user) || assign(slotOf.get(user), slots, slotOf, visited))) {
                slotOf.put(user, slot);
                return true;
            }
        }
        return false;
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
