package io.coffer.transaction;

import io.coffer.currency.Family;

/** A transaction with what its API representation adds: account index, confirmations, family. */
public record TransactionDetails(Transaction transaction, int accountIndex, int confirmations, Family family) {
}
