package io.coffer.compliance;

import io.coffer.common.Tx;
import java.util.Collection;
import java.util.Map;

/** Storage of transaction screenings (the flags of incoming transactions from listed senders). */
public interface TransactionScreenings {

    void save(Tx tx, long workspaceId, long transactionId, TransactionScreening screening);

    /** The screenings of those of the transactions that have one, by transaction id. */
    Map<Long, TransactionScreening> find(Tx tx, long workspaceId, Collection<Long> transactionIds);
}
