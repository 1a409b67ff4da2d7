package io.coffer.transaction;

import io.coffer.common.Tx;
import java.time.Instant;

/**
 * Settles confirmed outgoing transactions that another feature made outside the send path (staking
 * transactions carry no send parts): block production hands them over in the block's transaction.
 */
public interface SettlementHook {

    /** A hook for servers without such transactions. */
    SettlementHook NONE = (tx, confirmed, now) -> {
        throw new IllegalStateException("no feature settles transaction " + confirmed.id());
    };

    /** Called once, when the transaction reaches its confirmations; it is already marked confirmed. */
    void settle(Tx tx, Transaction confirmed, Instant now);

    /** Whether a confirmed transaction is one of these: outgoing, with no send parts. */
    static boolean handles(Transaction transaction) {
        return transaction.type() != TransactionType.RECEIVE && transaction.send().isEmpty();
    }
}
