package io.coffer.staking;

import io.coffer.common.Amount;
import io.coffer.transaction.Transaction;
import java.util.Optional;

/**
 * A staking transaction as a client asked for it in {@code POST /requests}.
 *
 * @param accountName the account's name, repeated on purpose: it must match the account
 * @param currency the account's currency, repeated on purpose too
 * @param amount what a new stake sets aside (operations that open a stake only)
 * @param validator who a new stake is delegated to (Solana vote account, Tezos baker, Cardano pool)
 * @param stakeUid the stake an operation acts on (operations on an existing stake only)
 */
public record StakeIntent(long accountId, StakeOperation operation, String accountName, String currency,
                          Optional<Amount> amount, Amount maxFees, Optional<String> validator, Optional<String> stakeUid,
                          Optional<Transaction.Note> note) {
}
