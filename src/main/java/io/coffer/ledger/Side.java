package io.coffer.ledger;

/**
 * The side of an entry. Account books are debit-normal (a debit adds to them); the external books
 * that stand for the outside world are credit-normal.
 */
public enum Side {
    DEBIT, CREDIT;

    public String code() {
        return this == DEBIT ? "D" : "C";
    }
}
