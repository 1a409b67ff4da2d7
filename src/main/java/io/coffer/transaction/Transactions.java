package io.coffer.transaction;

import io.coffer.common.Amount;
import io.coffer.common.Caller;
import io.coffer.common.Tx;
import io.coffer.network.Block;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of transactions. */
public interface Transactions {

    /** Inserts a transaction; the given id is ignored in favour of a new one. */
    long create(Tx tx, Transaction transaction);

    Optional<Transaction> find(Tx tx, long workspaceId, long transactionId);

    /** Finds a transaction of an account the caller may see. */
    Optional<Transaction> findVisible(Tx tx, Caller caller, long transactionId);

    /** Puts every transaction waiting in the network's mempool into a block. */
    int include(Tx tx, long workspaceId, String network, Block block);

    /** Transactions of a network in a block but not yet confirmed, in account order. */
    List<Transaction> unconfirmedInBlocks(Tx tx, long workspaceId, String network);

    void markConfirmed(Tx tx, long transactionId, Instant at);

    /** Writes the mutable state of a transaction: status, fees, hash, signature, failure. */
    void update(Tx tx, Transaction transaction);

    void setRequest(Tx tx, long transactionId, long requestId);

    /** The {@code order_by} values a transactions search accepts. */
    java.util.Set<String> ORDER_BY = java.util.Set.of("created_on", "id", "amount", "status", "type");

    io.coffer.common.Page<Transaction> search(Tx tx, Caller caller, TransactionFilter filter,
                                             io.coffer.common.PageRequest page);

    /** Sums of an account's unconfirmed flows, for the Bitcoin balance buckets. */
    record PendingFlows(Amount mempoolIn, Amount underConfirmationIn, Amount mempoolOut, Amount underConfirmationOut,
                        Amount mempoolChange, Amount underConfirmationChange) {
    }

    PendingFlows pendingFlows(Tx tx, long accountId);
}
