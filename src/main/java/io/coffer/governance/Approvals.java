package io.coffer.governance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The governance state of a request: its steps, the votes cast, where it stands. Pure and
 * deterministic: every change is a new value computed by {@link #approve}, {@link #reject} or
 * {@link #expire}, and a refusal changes nothing.
 *
 * <p>Rules: the creator approves first; a vote counts for the current step only, from one of its
 * users; a user votes once per request; a step is done when its quorum of distinct users approved,
 * and steps complete in order; the request is approved when the last step is done. Any user of any
 * step (or the creator) may reject an open request, which ends it, as does expiry. Closed requests
 * take no votes.
 */
public record Approvals(List<ApprovalStep> steps, long creator, List<Vote> votes, RequestStatus status, int currentStep,
                        Instant expiresAt) {

    public Approvals {
        steps = List.copyOf(steps);
        votes = List.copyOf(votes);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a request needs at least one approval step");
        }
    }

    /** The outcome of a vote: the new state, or why it was refused. */
    public sealed interface Result {
        /** The vote was taken. */
        record Counted(Approvals next) implements Result {
        }

        /** The vote was refused and nothing changed. */
        record Refused(String reason) implements Result {
        }
    }

    /**
     * The same request under other steps (the approvers in force now), counting only the approvals
     * of users still able to vote: approvals of users no longer in the step they counted for, or in
     * {@code departed} (revoked or suspended since), are set aside, and the request stands at the
     * first step they leave short. A request whose creator departed waits for its creator's
     * approval again, which only the creator restored can give. Rejections stay.
     */
    public Approvals under(List<ApprovalStep> current, java.util.Set<Long> departed) {
        List<Vote> counted = votes.stream().filter(vote -> vote.kind() == VoteKind.ABORT || vote.stepIndex().isEmpty()
                || (vote.stepIndex().getAsInt() < current.size() && !departed.contains(vote.userId())
                && current.get(vote.stepIndex().getAsInt()).users().contains(vote.userId()))).toList();
        Approvals recounted = new Approvals(current, creator, counted, status, 0, expiresAt);
        int step = 0;
        while (step < current.size() - 1 && recounted.approvalsAt(step) >= current.get(step).quorum()) {
            step++;
        }
        RequestStatus standing = status == RequestStatus.PENDING_APPROVAL && departed.contains(creator)
                ? RequestStatus.PENDING_FIRST_APPROVAL : status;
        return new Approvals(current, creator, counted, standing, step, expiresAt);
    }

    /** A new request waiting for its creator's approval. */
    public static Approvals open(List<ApprovalStep> steps, long creator, Instant expiresAt) {
        return new Approvals(steps, creator, List.of(), RequestStatus.PENDING_FIRST_APPROVAL, 0, expiresAt);
    }

    public Result approve(long user, Instant now) {
        Result.Refused refusal = refusal(user, now);
        if (refusal != null) {
            return refusal;
        }
        if (status == RequestStatus.PENDING_FIRST_APPROVAL && user != creator) {
            return new Result.Refused("the request waits for its creator's approval first");
        }
        boolean inStep = steps.get(currentStep).users().contains(user);
        if (status == RequestStatus.PENDING_APPROVAL && !inStep) {
            return new Result.Refused("user " + user + " is not an approver of step " + currentStep);
        }
        List<Vote> next = new ArrayList<>(votes);
        next.add(new Vote(user, VoteKind.APPROVE, inStep ? OptionalInt.of(currentStep) : OptionalInt.empty(), now));
        return new Result.Counted(advance(next));
    }

    public Result reject(long user, Instant now) {
        Result.Refused refusal = refusal(user, now);
        if (refusal != null) {
            return refusal;
        }
        if (user != creator && steps.stream().noneMatch(step -> step.users().contains(user))) {
            return new Result.Refused("user " + user + " is not an approver of this request");
        }
        List<Vote> next = new ArrayList<>(votes);
        next.add(new Vote(user, VoteKind.ABORT, OptionalInt.empty(), now));
        return new Result.Counted(new Approvals(steps, creator, next, RequestStatus.REJECTED, currentStep, expiresAt));
    }

    /** The expired state, when the request is still open at or after its expiry. */
    public java.util.Optional<Approvals> expire(Instant now) {
        if (!status.open() || now.isBefore(expiresAt)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Approvals(steps, creator, votes, RequestStatus.EXPIRED, currentStep, expiresAt));
    }

    /** How many approvals the given step has collected. */
    public int approvalsAt(int step) {
        return (int) votes.stream()
                .filter(vote -> vote.kind() == VoteKind.APPROVE && vote.stepIndex().orElse(-1) == step)
                .count();
    }

    public boolean complete() {
        return status == RequestStatus.APPROVED || status == RequestStatus.SIGNED || status == RequestStatus.SUBMITTED;
    }

    /** Whether the user may still vote at all on this request, in its present state. */
    public boolean mayVote(long user) {
        return status.open() && votes.stream().noneMatch(vote -> vote.userId() == user)
                && (user == creator || steps.stream().anyMatch(step -> step.users().contains(user)));
    }

    private Result.Refused refusal(long user, Instant now) {
        if (!status.open()) {
            return new Result.Refused("the request is " + status + " and takes no more votes");
        }
        if (!now.isBefore(expiresAt)) {
            return new Result.Refused("the request expired");
        }
        if (votes.stream().anyMatch(vote -> vote.userId() == user)) {
            return new Result.Refused("user " + user + " already voted on this request");
        }
        return null;
    }

    private Approvals advance(List<Vote> next) {
        Approvals state = new Approvals(steps, creator, next, RequestStatus.PENDING_APPROVAL, currentStep, expiresAt);
        // From the first step, not the current one: an earlier step may have lost an approval since.
        int step = 0;
        while (step < steps.size() && state.approvalsAt(step) >= steps.get(step).quorum()) {
            step++;
        }
        RequestStatus after = step == steps.size() ? RequestStatus.APPROVED : RequestStatus.PENDING_APPROVAL;
        return new Approvals(steps, creator, next, after, Math.min(step, steps.size() - 1), expiresAt);
    }
}
