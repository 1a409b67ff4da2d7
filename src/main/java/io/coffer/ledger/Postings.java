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

    /** An outgoing transaction is requested: its amount (and fees) are reserved, available drops. */
    public static Posting reserve(long workspaceId, long transactionId, String asset, long accountId, Amount amount,
                                  Instant at) {
        return new Posting(workspaceId, Optional.of(transactionId), "SEND_RESERVED", asset, at, List.of(
                debit(accountId, Bucket.OUTGOING, amount),
                external(Bucket.OUTGOING, Side.CREDIT, amount)));
    }

    /** An outgoing transaction is rejected, expires or fails: its reservation is given back. */
    public static Posting release(long workspaceId, long transactionId, String asset, long accountId, Amount amount,
                                  Instant at) {
        return new Posting(workspaceId, Optional.of(transactionId), "SEND_RELEASED", asset, at, List.of(
                credit(accountId, Bucket.OUTGOING, amount),
                external(Bucket.OUTGOING, Side.DEBIT, amount)));
    }

    /**
     * An outgoing transaction is confirmed: its whole reservation is lifted and what it really spent
     * (amount and the fees actually paid, never more than reserved) leaves the confirmed balance.
     */
    public static Posting settle(long workspaceId, long transactionId, String asset, long accountId, Amount reserved,
                                 Amount spent, Instant at) {
        if (!reserved.isAtLeast(spent)) {
            throw new IllegalArgumentException("a transaction cannot spend more than it reserved");
        }
        List<Posting.Entry> entries = new java.util.ArrayList<>(List.of(
                credit(accountId, Bucket.OUTGOING, reserved),
                external(Bucket.OUTGOING, Side.DEBIT, reserved)));
        if (!spent.isZero()) {
            entries.add(credit(accountId, Bucket.CONFIRMED, spent));
            entries.add(external(Bucket.CONFIRMED, Side.DEBIT, spent));
        }
        return new Posting(workspaceId, Optional.of(transactionId), "SEND_SETTLED", asset, at, entries);
    }

    /**
     * Value that arrives already confirmed, from outside the ledger's transactions: a stake's funds
     * coming back, a staking reward. Confirmed rises at once.
     */
    public static Posting credited(long workspaceId, Optional<Long> transactionId, String kind, String asset,
                                   long accountId, Amount amount, Instant at) {
        return new Posting(workspaceId, transactionId, kind, asset, at, List.of(
                debit(accountId, Bucket.CONFIRMED, amount),
                external(Bucket.CONFIRMED, Side.CREDIT, amount)));
    }

    /** A TradeLink pledge sets funds aside for an exchange: reserved like a send, available drops. */
    public static Posting pledge(long workspaceId, String asset, long accountId, Amount amount, Instant at) {
        return new Posting(workspaceId, Optional.empty(), "PLEDGE_RESERVED", asset, at, List.of(
                debit(accountId, Bucket.OUTGOING, amount),
                external(Bucket.OUTGOING, Side.CREDIT, amount)));
    }

    /** A pledge's funds are given back (unpledged, or handed to the settlement's send). */
    public static Posting unpledge(long workspaceId, String asset, long accountId, Amount amount, Instant at) {
        return new Posting(workspaceId, Optional.empty(), "PLEDGE_RELEASED", asset, at, List.of(
                credit(accountId, Bucket.OUTGOING, amount),
                external(Bucket.OUTGOING, Side.DEBIT, amount)));
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
