package io.coffer.tradelink;

import io.coffer.common.Amount;
import io.coffer.transaction.SendIntent;
import java.util.Optional;

/**
 * A settlement's {@code outbound_transaction_intent} in the spec's shape (transaction creation
 * data): every field that names where the funds come from and go to must agree with the pledge,
 * so a client can choose its fees but never redirect the funds.
 */
public record OutboundIntent(long accountId, String transactionType, String accountName, String currency,
                             Amount amount, String recipient, Amount maxFees, Optional<String> contractAddress,
                             SendIntent.FeeStrategy feeStrategy) {
}
