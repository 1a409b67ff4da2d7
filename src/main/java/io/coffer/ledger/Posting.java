package io.coffer.ledger;

import io.coffer.common.Amount;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A balanced movement of one asset between books: the debits equal the credits, always. Account
 * books are named by account id; an empty account id is the workspace's external book for the
 * asset, the outside world's side of every movement.
 *
 * @param kind why the value moved, e.g. {@code RECEIVE_PENDING}
 * @param asset the asset's ledger key: a currency name, or {@code network:contract} for a token
 */
public record Posting(long workspaceId, Optional<Long> transactionId, String kind, String asset, Instant at,
                      List<Entry> entries) {

    /** One side of a posting. */
    public record Entry(Optional<Long> accountId, Bucket bucket, Side side, Amount amount) {
        public Entry {
            Objects.requireNonNull(accountId, "accountId");
            if (amount.isZero()) {
                throw new IllegalArgumentException("ledger entries move a positive amount");
            }
        }

        public boolean external() {
            return accountId.isEmpty();
        }
    }

    public Posting {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a posting needs entries");
        }
        // Sums may exceed one amount's bound (two entries of 2^255), so they are plain BigIntegers.
        BigInteger debits = BigInteger.ZERO;
        BigInteger credits = BigInteger.ZERO;
        for (Entry entry : entries) {
            if (entry.side() == Side.DEBIT) {
                debits = debits.add(entry.amount().value());
            } else {
                credits = credits.add(entry.amount().value());
            }
        }
        if (!debits.equals(credits)) {
            throw new IllegalArgumentException("unbalanced posting " + kind + ": debits " + debits + " != credits " + credits);
        }
    }

    /** The accounts this posting touches, in ascending order (the order their rows are locked in). */
    public List<Long> accountIds() {
        return entries.stream().flatMap(entry -> entry.accountId().stream()).distinct().sorted().toList();
    }
}
