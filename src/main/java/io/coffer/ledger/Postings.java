package io.coffer.ledger;

import io.coffer.common.Amount;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The postings of the transaction lifecycle. Each moves value in an account's book and mirrors it
 * in the external book of the same bucket, so for every bucket the accounts' total equals the
 * external book's.
 */
public final class Postings {

    private Postings() {
    }

    /** A deposit seen on the network, not yet confirmed: incoming rises. */
    public static Posting receivePending(long workspaceId, long transactionId, String asset, long accountId, Amount amount,
                                         Instant at) {
        return new Posting(workspaceId, Optional.of(transactionId), "RECEIVE_PENDING", asset, at, List.of(
                debit(accountId, Bucket.INCOMING, amount),
                external(Bucket.INCOMING, Side.CREDIT, amount)));
    }

    /** A deposit reaching its confirmations: incoming moves to confirmed. */
    public static Posting receiveConfirmed(long workspaceId, long transactionId, String asset, long accountId,
                                           Amount amount, Instant at) {
        return new Posting(workspaceId, Optional.of(transactionId), "RECEIVE_CONFIRMED", asset, at, List.of(
                credit(accountId, Bucket.INCOMING, amount),
                external(Bucket.INCOMING, Side.DEBIT, amount),
                debit(accountId, Bucket.CONFIRMED, amount),
                external(Bucket.CONFIRMED, Side.CREDIT, amount)));
    }

    static Posting.Entry debit(long accountId, Bucket bucket, Amount amount) {
        return new Posting.Entry(Optional.of(accountId), bucket, Side.DEBIT, amount);
    }

    static Posting.Entry credit(long accountId, Bucket bucket, Amount amount) {
        return new Posting.Entry(Optional.of(accountId), bucket, Side.CREDIT, amount);
    }

    static Posting.Entry external(Bucket bucket, Side side, Amount amount) {
        return new Posting.Entry(Optional.empty(), bucket, side, amount);
    }
}
