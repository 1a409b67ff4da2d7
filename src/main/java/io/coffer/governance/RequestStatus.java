package io.coffer.governance;

/** The {@code Request.status} values of the API. */
public enum RequestStatus {
    ACTIVE, APPROVED, BLOCKED, EXPIRED, PENDING_APPROVAL, PENDING_FIRST_APPROVAL, PENDING_REGISTRATION, REJECTED,
    SIGNED, SUBMITTED;

    /** What an approved request goes through once it is carried out, in order. */
    private static final java.util.List<RequestStatus> EXECUTION = java.util.List.of(APPROVED, SIGNED, SUBMITTED);

    /**
     * The statuses an approved request passed after {@code from} to reach {@code to}, in order
     * (empty when it stayed where it was).
     */
    public static java.util.List<RequestStatus> between(RequestStatus from, RequestStatus to) {
        int start = EXECUTION.indexOf(from);
        int end = EXECUTION.indexOf(to);
        if (start < 0 || end < start) {
            return java.util.List.of();
        }
        return EXECUTION.subList(start + 1, end + 1);
    }

    /** Whether votes are still taken. */
    public boolean open() {
        return this == PENDING_FIRST_APPROVAL || this == PENDING_APPROVAL;
    }
}
