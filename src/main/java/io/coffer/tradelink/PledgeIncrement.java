package io.coffer.tradelink;

import io.coffer.common.Amount;
import java.util.Optional;

/**
 * {@code PledgeIncrementRequestData} as read: the pledge by its number, and the account, currency and
 * exchange repeated on purpose (they must match the pledge).
 */
public record PledgeIncrement(long subaccountId, String accountName, Amount amount, String currency,
                              String exchangeName, Optional<String> contractAddress) {
}
