package io.coffer.user;

/** The lifecycle of an API user; only ACTIVE users authenticate. */
public enum UserStatus {
    ACTIVE,
    ACCESS_SUSPENDED,
    REVOKED,
    /** Requested through a governed request, waiting for the admins' approvals. */
    PENDING_APPROVAL,
    /** Its creating request was rejected or expired. */
    REJECTED
}
