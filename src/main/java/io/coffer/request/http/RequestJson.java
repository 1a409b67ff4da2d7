package io.coffer.request.http;

import io.coffer.governance.ApprovalStep;
import io.coffer.governance.Approvals;
import io.coffer.governance.RequestStatus;
import io.coffer.governance.Vote;
import io.coffer.governance.VoteKind;
import io.coffer.request.Request;
import io.coffer.request.RequestService;
import io.coffer.request.Requests;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The JSON shapes of requests: {@code Request}, {@code VaultRequest}, governance status and history. */
public final class RequestJson {

    private RequestJson() {
    }

    /** The spec's {@code Request} (and {@code RequestWithChallenge}, whose deprecated challenge is left out). */
    public record RequestView(Long createdBy, Instant createdOn, Instant expiresAt, long id, String status, long targetId,
                              String targetType, String type) {
    }

    /** The spec's {@code VaultRequest}: the answer of create, approve and reject. */
    public record VaultRequestView(LiteModel createdBy, Instant createdOn, Instant expiredAt, long id, String status,
                                   long targetId, String targetType, String type) {
    }

    public record LiteModel(long id) {
    }

    /** The spec's {@code VaultUserRef}. */
    public record UserRef(Long id) {
    }

    public record ChallengeView(String challenge, long id) {
    }

    public record GovernanceView(List<StepView> governanceSteps, boolean isComplete, TargetRequestView request) {
    }

    public record StepView(List<ApprovalView> approvals, List<UserRef> approvers, LiteModel group, int quorum,
                           int stepIndex) {
    }

    public record ApprovalView(Instant createdOn, String type, UserRef user) {
    }

    public record TargetRequestView(UserRef createdBy, Instant createdOn, int currentStepIndex, Instant expiredAt, long id,
                                    String status, long targetId, String targetType, String type) {
    }

    /** The spec's {@code APIHistoryResults}. */
    public record HistoryView(List<List<HistoryEntry>> history) {
    }

    public record HistoryEntry(Long createdBy, Instant createdOn, Instant expiredAt, long id, boolean isComplete,
                               String status, String type) {
    }

    public static RequestView request(Request request) {
        return new RequestView(request.createdBy(), request.createdOn(), request.expiresAt(), request.id(),
                request.status().name(), request.targetId(), request.targetType().name(), request.type().name());
    }

    public static VaultRequestView vault(Request request) {
        return new VaultRequestView(new LiteModel(request.createdBy()), request.createdOn(), request.expiresAt(), request.id(),
                vaultStatus(request.status(), true), request.targetId(), request.targetType().name(), request.type().name());
    }

    public static GovernanceView governance(RequestService.Governance governance) {
        Request request = governance.request();
        Approvals approvals = governance.approvals();
        List<StepView> steps = new ArrayList<>();
        for (int index = 0; index < request.steps().size(); index++) {
            ApprovalStep step = request.steps().get(index);
            List<ApprovalView> collected = new ArrayList<>();
            for (Vote vote : approvals.votes()) {
                boolean counted = vote.kind() == VoteKind.APPROVE && vote.stepIndex().orElse(-1) == index;
                boolean abortHere = vote.kind() == VoteKind.ABORT && index == request.currentStep();
                if (counted || abortHere) {
                    collected.add(new ApprovalView(vote.at(), vote.kind().name(), new UserRef(vote.userId())));
                }
            }
            steps.add(new StepView(collected, step.users().stream().map(UserRef::new).toList(),
                    step.group().map(LiteModel::new).orElse(null), step.quorum(), index));
        }
        TargetRequestView target = new TargetRequestView(new UserRef(request.createdBy()), request.createdOn(),
                request.currentStep(), request.expiresAt(), request.id(), vaultStatus(request.status(), false),
                request.targetId(), request.targetType().name(), request.type().name());
        return new GovernanceView(steps, approvals.complete(), target);
    }

    /** History entries: each request with every status it went through. */
    public static HistoryView history(List<List<Requests.Event>> events, Map<Long, Request> requests) {
        List<List<HistoryEntry>> history = new ArrayList<>();
        for (List<Requests.Event> perRequest : events) {
            List<HistoryEntry> entries = new ArrayList<>();
            for (Requests.Event event : perRequest) {
                Request request = requests.get(event.requestId());
                entries.add(new HistoryEntry(request.createdBy(), event.at(), request.expiresAt(), request.id(),
                        complete(event.status()), event.status().name(), request.type().name()));
            }
            history.add(entries);
        }
        return new HistoryView(history);
    }

    private static boolean complete(RequestStatus status) {
        return status == RequestStatus.APPROVED || status == RequestStatus.SIGNED || status == RequestStatus.SUBMITTED;
    }

    /**
     * The status as the vault shapes name it: no REJECTED there (ABORTED instead), and the target
     * request of a governance status has no PENDING_FIRST_APPROVAL either.
     */
    private static String vaultStatus(RequestStatus status, boolean firstApprovalAllowed) {
        return switch (status) {
            case REJECTED -> "ABORTED";
            case PENDING_FIRST_APPROVAL -> firstApprovalAllowed ? status.name() : "PENDING_APPROVAL";
            default -> status.name();
        };
    }
}
