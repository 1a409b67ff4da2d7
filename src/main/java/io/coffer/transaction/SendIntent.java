package io.coffer.transaction;

import io.coffer.common.Amount;
import java.math.BigInteger;
import java.util.Optional;

/**
 * A request to send funds, as a client wrote it ({@code TransactionCreationRequestDataV2}).
 *
 * @param transactionType e.g. {@code ETHEREUM_LIKE_SEND}
 * @param accountName the account's name, repeated on purpose: it must match the account
 * @param currency the account's currency, repeated on purpose: it must match too
 * @param maxFees the most the client accepts to pay in fees
 */
public record SendIntent(
        long accountId,
        String transactionType,
        String accountName,
        String currency,
        Amount amount,
        String recipient,
        Amount maxFees,
        Optional<String> contractAddress,
        FeeStrategy feeStrategy,
        Optional<Transaction.Note> note) {

    /** How the fees are chosen. */
    public sealed interface FeeStrategy {
        /** {@code {"type": "SPEED", "data": {"speed": ...}}}. */
        record Speed(SpeedLevel level) implements FeeStrategy {
        }

        /** {@code {"type": "CUSTOM", "data": {"fees_per_byte": ...}}} for Bitcoin-like sends. */
        record PerByte(BigInteger feesPerByte) implements FeeStrategy {
        }

        /** {@code {"type": "CUSTOM", "data": {"gas_limit", "priority_fees"}}} (EIP-1559) for EVM sends. */
        record Eip1559(BigInteger gasLimit, BigInteger priorityFees) implements FeeStrategy {
        }

        /** {@code {"type": "CUSTOM", "data": {"gas_limit", "gas_price"}}} (legacy) for EVM sends. */
        record GasPrice(BigInteger gasLimit, BigInteger gasPrice) implements FeeStrategy {
        }
    }

    /** The speeds of a SPEED strategy. */
    public enum SpeedLevel {
        SLOW, NORMAL, FAST
    }
}
