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

    /** Sums of an account's unconfirmed flows, for the Bitcoin balance buckets. */
    record PendingFlows(Amount mempoolIn, Amount underConfirmationIn, Amount mempoolOut, Amount underConfirmationOut) {
    }

    PendingFlows pendingFlows(Tx tx, long accountId);
}
