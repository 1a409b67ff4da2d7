package io.coffer.transaction;

import io.coffer.compliance.TransactionScreening;
import io.coffer.currency.Family;
import java.util.Optional;

/**
 * A transaction with what its API representation adds: account index, confirmations, family, and
 * its compliance flag when its sender was on a list.
 */
public record TransactionDetails(Transaction transaction, int accountIndex, int confirmations, Family family,
                                 Optional<TransactionScreening> screening) {

    public TransactionDetails(Transaction transaction, int accountIndex, int confirmations, Family family) {
        this(transaction, accountIndex, confirmations, family, Optional.empty());
    }
}
