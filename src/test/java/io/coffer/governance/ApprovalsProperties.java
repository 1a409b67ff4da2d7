package io.coffer.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The governance engine under random rules, votes and orders: a request is never approved without
 * every step's quorum of distinct eligible users, collected in step order after the creator's
 * approval; a user never counts twice; a refused vote changes nothing; rejection and expiry are
 * final; and the honest path (creator, then each step's users in turn) always ends approved.
 */
class ApprovalsProperties {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration LIFETIME = Duration.ofDays(7);

    /** One action: a user approves or rejects, or time passes (hours) and expiry is checked. */
    record Action(int kind, long user, int hours) {
    }

    @Provide
    Arbitrary<List<ApprovalStep>> rules() {
        Arbitrary<ApprovalStep> step = Arbitraries.longs().between(1, 8).set().ofMinSize(1).ofMaxSize(5)
                .flatMap(users -> Arbitraries.integers().between(1, users.size())
                        .map(quorum -> new ApprovalStep(List.copyOf(users), quorum, Optional.empty())));
        return step.list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Action> actions() {
        return Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.longs().between(1, 9),
                Arbitraries.integers().between(0, 60)).as(Action::new);
    }

    @Property(tries = 2000)
    void neverApprovedWithoutEveryQuorumAndClosedStatesAreFinal(
            @ForAll("rules") List<ApprovalStep> steps,
            @ForAll @Size(max = 40) List<@From("actions") Action> actions) {
        long creator = steps.getFirst().users().getFirst();
        Instant now = START;
        Approvals state = Approvals.open(steps, creator, START.plus(LIFETIME));
        for (Action action : actions) {
            Approvals before = state;
            if (action.kind() == 9) {
                now = now.plus(Duration.ofHours(action.hours()));
                Optional<Approvals> expired = state.expire(now);
                if (expired.isPresent()) {
                    assertThat(before.status().open()).isTrue();
                    assertThat(expired.get().status()).isEqualTo(RequestStatus.EXPIRED);
                    assertThat(expired.get().votes()).isEqualTo(before.votes());
                    state = expired.get();
                } else {
                    assertThat(!before.status().open() || now.isBefore(before.expiresAt())).isTrue();
                }
            } else {
                Approvals.Result result = action.kind() == 8 ? state.reject(action.user(), now)
                        : state.approve(action.user(), now);
                if (result instanceof Approvals.Result.Counted counted) {
                    assertThat(before.status().open()).as("a closed request took a vote").isTrue();
                    assertThat(now).isBefore(before.expiresAt());
                    assertThat(before.mayVote(action.user())).isTrue();
                    state = counted.next();
                    assertThat(state.votes()).hasSize(before.votes().size() + 1);
                    assertThat(state.votes().subList(0, before.votes().size())).isEqualTo(before.votes());
                } else {
                    assertThat(state).isSameAs(before);
                }
            }
            checkInvariants(state);
            if (!before.status().open()) {
                assertThat(state).as("closed requests never change").isEqualTo(before);
            }
        }
    }

    @Property(tries = 500)
    void theHonestPathIsApproved(@ForAll("rules") List<ApprovalStep> steps) {
        long creator = steps.getFirst().users().getFirst();
        Approvals state = Approvals.open(steps, creator, START.plus(LIFETIME));
        Instant now = START;
        Set<Long> voted = new HashSet<>();
        state = vote(state, creator, now);
        voted.add(creator);
        for (int i = 0; i < steps.size() && state.status() != RequestStatus.APPROVED; i++) {
            for (long user : steps.get(i).users()) {
                if (state.status() == RequestStatus.APPROVED || state.currentStep() != i) {
                    break;
                }
                if (voted.add(user)) {
                    now = now.plusSeconds(60);
                    state = vote(state, user, now);
                }
            }
        }
        // A user shared by several steps counts once, so a later step may lack users; that is the rule.
        boolean everyStepCanBeMet = canBeMetWithDistinctUsers(steps, creator);
        if (everyStepCanBeMet) {
            assertThat(state.status()).isEqualTo(RequestStatus.APPROVED);
        }
        checkInvariants(state);
    }

    private static Approvals vote(Approvals state, long user, Instant now) {
        Approvals.Result result = state.approve(user, now);
        assertThat(result).as("honest vote by %d", user).isInstanceOf(Approvals.Result.Counted.class);
        return ((Approvals.Result.Counted) result).next();
    }

    /** Whether voting greedily step by step (each user once) reaches every quorum. */
    private static boolean canBeMetWithDistinctUsers(List<ApprovalStep> steps, long creator) {
        Set<Long> used = new HashSet<>();
        used.add(creator);
        int creatorCounted = steps.getFirst().users().contains(creator) ? 1 : 0;
        for (int i = 0; i < steps.size(); i++) {
            int fresh = 0;
            for (long user : steps.get(i).users()) {
                if (!used.contains(user)) {
                    fresh++;
                }
            }
            int available = fresh + (i == 0 ? creatorCounted : 0);
            if (available < steps.get(i).quorum()) {
                return false;
            }
            int needed = steps.get(i).quorum() - (i == 0 ? creatorCounted : 0);
            for (long user : steps.get(i).users()) {
                if (needed > 0 && used.add(user)) {
                    needed--;
                }
            }
        }
        return true;
    }

    /** What must hold of any reachable state. */
    private static void checkInvariants(Approvals state) {
        List<Vote> votes = state.votes();
        Set<Long> voters = new LinkedHashSet<>();
        votes.forEach(vote -> assertThat(voters.add(vote.userId())).as("user %d voted twice", vote.userId()).isTrue());
        votes.stream().filter(vote -> vote.kind() == VoteKind.APPROVE).findFirst().ifPresent(first ->
                assertThat(first.userId()).as("the creator approves first").isEqualTo(state.creator()));
        int lastStep = -1;
        for (Vote vote : votes) {
            if (vote.kind() == VoteKind.APPROVE && vote.stepIndex().isPresent()) {
                int step = vote.stepIndex().getAsInt();
                assertThat(step).as("steps complete in order").isGreaterThanOrEqualTo(lastStep);
                assertThat(state.steps().get(step).users()).as("only eligible users count").contains(vote.userId());
                for (int earlier = 0; earlier < step; earlier++) {
                    assertThat(countedBefore(votes, vote, earlier)).as("step %d done before a vote on %d", earlier, step)
                            .isGreaterThanOrEqualTo(state.steps().get(earlier).quorum());
                }
                lastStep = step;
            }
        }
        long rejections = votes.stream().filter(vote -> vote.kind() == VoteKind.ABORT).count();
        assertThat(rejections).isLessThanOrEqualTo(1);
        if (rejections == 1) {
            assertThat(state.status()).isEqualTo(RequestStatus.REJECTED);
            assertThat(votes.getLast().kind()).as("nothing after a rejection").isEqualTo(VoteKind.ABORT);
        }
        boolean everyQuorum = true;
        for (int i = 0; i < state.steps().size(); i++) {
            Set<Long> distinct = new HashSet<>();
            for (Vote vote : votes) {
                if (vote.kind() == VoteKind.APPROVE && vote.stepIndex().orElse(-1) == i
                        && state.steps().get(i).users().contains(vote.userId())) {
                    distinct.add(vote.userId());
                }
            }
            everyQuorum &= distinct.size() >= state.steps().get(i).quorum();
        }
        if (state.status() == RequestStatus.APPROVED) {
            assertThat(everyQuorum).as("approved without every step's quorum").isTrue();
        }
        if (state.status().open()) {
            assertThat(everyQuorum).as("every quorum met but still open").isFalse();
        }
        List<RequestStatus> reachable = new ArrayList<>(List.of(RequestStatus.PENDING_FIRST_APPROVAL,
                RequestStatus.PENDING_APPROVAL, RequestStatus.APPROVED, RequestStatus.REJECTED, RequestStatus.EXPIRED));
        assertThat(reachable).contains(state.status());
    }

    private static long countedBefore(List<Vote> votes, Vote until, int step) {
        long count = 0;
        for (Vote vote : votes) {
            if (vote == until) {
                break;
            }
            if (vote.kind() == VoteKind.APPROVE && vote.stepIndex().orElse(-1) == step) {
                count++;
            }
        }
        return count;
    }

    /** A step that covers another is completed by every set of approvals that completes it. */
    @Property(tries = 1000)
    void aCoveringStepImpliesTheOther(@ForAll("rules") List<ApprovalStep> steps,
                                      @ForAll("voters") java.util.Set<Long> approvers) {
        ApprovalStep mine = steps.getFirst();
        ApprovalStep other = steps.getLast();
        if (mine.covers(other) && done(mine, approvers)) {
            org.assertj.core.api.Assertions.assertThat(done(other, approvers)).isTrue();
        }
    }

    /** Two rule sets together: all of the first, and every step of the second unless the first covers it. */
    @Property(tries = 1000)
    void bothKeepsEveryStepThatIsNotCovered(@ForAll("rules") List<ApprovalStep> first,
                                            @ForAll("rules") List<ApprovalStep> second) {
        List<ApprovalStep> both = ApprovalStep.both(first, second);
        org.assertj.core.api.Assertions.assertThat(both.subList(0, first.size())).isEqualTo(first);
        for (ApprovalStep step : second) {
            boolean covered = first.stream().anyMatch(mine -> mine.covers(step));
            org.assertj.core.api.Assertions.assertThat(covered || both.contains(step)).isTrue();
            org.assertj.core.api.Assertions.assertThat(covered && both.subList(first.size(), both.size()).contains(step)
                    && !first.contains(step)).isFalse();
        }
    }

    @Provide
    Arbitrary<java.util.Set<Long>> voters() {
        return Arbitraries.longs().between(1, 8).set().ofMaxSize(8);
    }

    private static boolean done(ApprovalStep step, java.util.Set<Long> approvers) {
        return step.users().stream().filter(approvers::contains).count() >= step.quorum();
    }

    /**
     * Users who leave mid-way (revoked, suspended): from then on their approvals are set aside, the
     * request stands at the first step left short, and it is approved only once every step has its
     * quorum from users who had not left, and never when its creator left.
     */
    @Property(tries = 2000)
    void approvalsOfUsersWhoLeftNeverCount(@ForAll("rules") List<ApprovalStep> steps,
                                           @ForAll @Size(max = 30) List<@From("actions") Action> actions,
                                           @ForAll("voters") Set<Long> leaving,
                                           @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 30) int when) {
        long creator = steps.getFirst().users().getFirst();
        Approvals state = Approvals.open(steps, creator, START.plus(LIFETIME));
        Set<Long> left = new HashSet<>();
        boolean creatorLeftAnOpenRequest = false;
        for (int i = 0; i < actions.size(); i++) {
            if (i == when && state.status().open()) {
                left.addAll(leaving);
                creatorLeftAnOpenRequest = left.contains(creator);
                state = state.under(state.steps(), left);
                int firstShort = 0;
                while (firstShort < steps.size() - 1 && state.approvalsAt(firstShort) >= steps.get(firstShort).quorum()) {
                    firstShort++;
                }
                assertThat(state.currentStep()).isEqualTo(firstShort);
            }
            Action action = actions.get(i);
            if (left.contains(action.user())) {
                continue;
            }
            Approvals.Result result = action.kind() == 8 ? state.reject(action.user(), START)
                    : state.approve(action.user(), START);
            if (result instanceof Approvals.Result.Counted counted) {
                state = counted.next();
            }
        }
        for (Vote vote : state.votes()) {
            if (vote.kind() == VoteKind.APPROVE && vote.stepIndex().isPresent()) {
                assertThat(left).as("an approval of a user who left still counts").doesNotContain(vote.userId());
            }
        }
        if (creatorLeftAnOpenRequest) {
            assertThat(state.status()).as("a request whose creator left is approved by no one")
                    .isNotEqualTo(RequestStatus.APPROVED);
        }
        if (state.status() == RequestStatus.APPROVED) {
            for (int i = 0; i < steps.size(); i++) {
                assertThat(state.approvalsAt(i)).as("step %d approved short of its quorum", i)
                        .isGreaterThanOrEqualTo(steps.get(i).quorum());
            }
        }
    }

    /** Whether distinct users can complete the steps, decided by the matching, agrees with an exhaustive search. */
    @Property(tries = 1000)
    void satisfiableAgreesWithTryingEveryAssignment(@ForAll("rules") List<ApprovalStep> steps,
                                                    @ForAll @net.jqwik.api.constraints.LongRange(min = 1, max = 9) long creator) {
        org.assertj.core.api.Assertions.assertThat(ApprovalStep.satisfiable(steps, creator))
                .isEqualTo(exhaustive(steps, creator));
    }

    private static boolean exhaustive(List<ApprovalStep> steps, long creator) {
        java.util.Set<Long> used = new java.util.HashSet<>();
        List<Integer> needs = new java.util.ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            int quorum = steps.get(i).quorum();
            if (i == 0 && steps.getFirst().users().contains(creator)) {
                quorum--;
            }
            needs.add(quorum);
        }
        used.add(creator);
        return fill(steps, needs, 0, used);
    }

    private static boolean fill(List<ApprovalStep> steps, List<Integer> needs, int step, java.util.Set<Long> used) {
        if (step == steps.size()) {
            return true;
        }
        if (needs.get(step) <= 0) {
            return fill(steps, needs, step + 1, used);
        }
        for (Long user : steps.get(step).users()) {
            if (used.add(user)) {
                needs.set(step, needs.get(step) - 1);
                boolean done = fill(steps, needs, step, used);
                needs.set(step, needs.get(step) + 1);
                used.remove(user);
                if (done) {
                    return true;
                }
            }
        }
        return false;
    }
}
