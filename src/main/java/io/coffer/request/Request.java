package io.coffer.request;

import io.coffer.governance.ApprovalStep;
import io.coffer.governance.Approvals;
import io.coffer.governance.RequestStatus;
import io.coffer.governance.Vote;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A governed request: the intent to create or change something, which happens only once the
 * request's approval steps are complete.
 *
 * @param accountId the account the request concerns, which decides who may see it
 * @param steps the approval steps, fixed at creation
 * @param intent what is asked, as the JSON the challenges show to approvers
 */
public record Request(
        long id,
        long workspaceId,
        RequestType type,
        RequestStatus status,
        TargetType targetType,
        long targetId,
        Optional<Long> accountId,
        long createdBy,
        Instant createdOn,
        Instant expiresAt,
        int currentStep,
        List<ApprovalStep> steps,
        String intent) {

    public Request {
        steps = List.copyOf(steps);
    }

    /** The governance state of this request given its votes. */
    public Approvals approvals(List<Vote> votes) {
        return new Approvals(steps, createdBy, votes, status, currentStep, expiresAt);
    }

    /**
     * The request as it stands at {@code now}: one still open past its expiry is EXPIRED, even before
     * the background job records it.
     */
    public Request effectiveAt(Instant now) {
        return status.open() && !now.isBefore(expiresAt) ? with(RequestStatus.EXPIRED, currentStep) : this;
    }

    /** The request with other approval steps (the admins in force now, for administrative requests). */
    public Request withSteps(List<ApprovalStep> current) {
        return new Request(id, workspaceId, type, status, targetType, targetId, accountId, createdBy, createdOn,
                expiresAt, Math.min(currentStep, current.size() - 1), current, intent);
    }

    public Request with(RequestStatus newStatus, int newStep) {
        return new Request(id, workspaceId, type, newStatus, targetType, targetId, accountId, createdBy, createdOn,
                expiresAt, newStep, steps, intent);
    }
}
