package io.coffer.account;

/** The {@code Account.status} values of the API. */
public enum AccountStatus {
    ACTIVATION_ABORTED, ACTIVE, APPROVED, HSM_COIN_UPDATED, PENDING, PENDING_ACTIVATION, PENDING_CREATE_IN_HSM,
    PENDING_VIEW_ONLY, REJECTED, VIEW_ONLY
}
