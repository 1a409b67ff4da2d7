package io.coffer.transaction;

/** The {@code Transaction.status} values of the API. */
public enum TransactionStatus {
    APPROVED, CONFIRMED, DROPPED, FAILED, FAILED_TO_BROADCAST, FAILED_TO_CRAFT, FAILED_TO_SIGN, PENDING_APPROVAL,
    PENDING_CREATE_IN_HSM, REJECTED, REPLACED, SIGNED, SUBMITTED
}
