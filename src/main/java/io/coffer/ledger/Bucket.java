package io.coffer.ledger;

/** The books every account has in the ledger. */
public enum Bucket {
    /** Settled on chain with enough confirmations. */
    CONFIRMED,
    /** Received, not yet confirmed. */
    INCOMING,
    /** Reserved for outgoing transactions (amount and fees) until they settle or are released. */
    OUTGOING
}
