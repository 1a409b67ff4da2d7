package io.coffer.limits;

/** The hourly rate limits: which POSTs count against which quota. */
public enum LimitKind {
    /** {@code POST /requests} of type {@code CREATE_TRANSACTION}: sends. */
    TRANSACTION_REQUESTS,
    /** Every other authenticated POST of the API (the sandbox's tools excepted). */
    OTHER_POSTS
}
