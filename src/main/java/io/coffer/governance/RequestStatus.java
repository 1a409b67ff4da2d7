package io.coffer.governance;

/** The {@code Request.status} values of the API. */
public enum RequestStatus {
    ACTIVE, APPROVED, BLOCKED, EXPIRED, PENDING_APPROVAL, PENDING_FIRST_APPROVAL, PENDING_REGISTRATION, REJECTED,
    SIGNED, SUBMITTED;

    /** Whether votes are still taken. */
    public boolean open() {
        return this == PENDING_FIRST_APPROVAL || this == PENDING_APPROVAL;
    }
}
