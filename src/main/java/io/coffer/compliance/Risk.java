package io.coffer.compliance;

/** An address's or a transaction's risk as Ledger grades it (the spec's {@code HIGH, MEDIUM, LOW}). */
public enum Risk {
    LOW, MEDIUM, HIGH
}
