package io.coffer.signing;

/** The status of a message or a digests batch ({@code Message.status}, {@code Digests.status}). */
public enum SigningStatus {
    ABORTED, APPROVED, PENDING_APPROVAL, PENDING_CREATE_IN_HSM, SIGNED
}
