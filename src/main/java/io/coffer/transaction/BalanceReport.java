package io.coffer.transaction;

import io.coffer.ledger.Balance;

/** What {@code GET /accounts/{id}/balances} reports: the plain figures, or Bitcoin's buckets too. */
public sealed interface BalanceReport {

    Balance balance();

    /** {@code AccountBalances}: available, pending, total. */
    record Standard(Balance balance) implements BalanceReport {
    }

    /** {@code BitcoinBalances}: the plain figures and where the unconfirmed value stands. */
    record Utxo(Balance balance, Transactions.PendingFlows flows) implements BalanceReport {
    }

    /** {@code SolanaBalances}: the account's stakes by state (the spec's shape has no spendable figures). */
    record Solana(Balance balance, StakedBalances.Solana staked) implements BalanceReport {
    }
}
