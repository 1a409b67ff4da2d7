package io.coffer.event;

/** Where a webhook delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its time (or for earlier events about the same object). */
    PENDING,
    /** Being posted by an instance that holds its lease. */
    SENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Out of tries. */
    FAILED,
    /** The user switched its webhook off before it was sent. */
    CANCELLED
}
