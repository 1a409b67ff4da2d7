package io.coffer.common;

/** The lifecycle of governed workspace objects (groups, entities, whitelists): created pending, then decided. */
public enum ObjectStatus {
    /** Requested, waiting for its request's approvals. */
    PENDING,
    /** In force. */
    ACTIVE,
    /** Its creating request was rejected or expired. */
    REJECTED,
    /** Withdrawn by a later request; kept for history. */
    REVOKED
}
