package io.coffer.transaction;

import io.coffer.common.Tx;
import java.util.List;

/** Storage of the outputs of Bitcoin-like accounts. */
public interface Utxos {

    void add(Tx tx, Utxo utxo, long createdByTransaction);

    /** Spendable outputs no pending transaction has reserved, largest first. */
    List<Utxo> available(Tx tx, long accountId);

    void reserve(Tx tx, List<Utxo> utxos, long transactionId);

    List<Utxo> reservedBy(Tx tx, long transactionId);

    /** Frees the outputs a transaction reserved (it was rejected, expired or failed). */
    void release(Tx tx, long transactionId);

    /** The outputs a transaction reserved are spent by it (it was broadcast). */
    void spend(Tx tx, long transactionId);

    /** The output a confirmed deposit created becomes spendable. */
    void confirm(Tx tx, long createdByTransaction);
}
