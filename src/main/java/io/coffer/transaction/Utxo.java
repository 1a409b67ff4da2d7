package io.coffer.transaction;

import io.coffer.common.Amount;

/**
 * An output a Bitcoin-like account owns.
 *
 * @param spendable whether it may be spent (a deposit's output once confirmed; change at once)
 */
public record Utxo(long id, long accountId, String txHash, int outputIndex, Amount amount, String address,
                   String derivationPath, boolean spendable) {
}
