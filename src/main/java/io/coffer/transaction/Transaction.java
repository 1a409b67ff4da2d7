package io.coffer.transaction;

import io.coffer.common.Amount;
import io.coffer.network.Block;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A transaction on a simulated network, incoming or outgoing.
 *
 * @param currency the network's currency name (a token transfer names its parent network)
 * @param network the chain it lives on, whose blocks confirm it
 * @param fees the fees paid (outgoing transactions, once signed)
 * @param maxFees the most the sender accepted to pay
 * @param block the block that included it, once mined
 * @param minConfirmations blocks after which it counts as confirmed
 * @param send what only outgoing transactions have
 */
public record Transaction(
        long id,
        long workspaceId,
        long accountId,
        TransactionType type,
        TransactionStatus status,
        Amount amount,
        Optional<Amount> fees,
        Optional<Amount> maxFees,
        String currency,
        String network,
        Optional<String> recipient,
        List<String> senders,
        Optional<String> txHash,
        Optional<Block> block,
        int minConfirmations,
        long createdBy,
        Instant createdOn,
        Optional<Instant> broadcastOn,
        Optional<Instant> confirmedOn,
        Optional<Send> send) {

    /**
     * The parts of an outgoing transaction.
     *
     * @param requestId the request that governs it
     * @param contractAddress the token contract, for token transfers
     * @param feeAccountId the account paying the fees when it is not the sender (a token's parent)
     * @param reservedAmount what is reserved on the sending account (amount, plus fees when paid there)
     * @param reservedFees what is reserved on the fee account, when there is one
     * @param speed the speed asked for, or CUSTOM
     * @param feePlan the fee parameters chosen at creation
     * @param nonce the account nonce used (EVM)
     * @param rawTransaction the signed transaction, hex
     * @param change the value sent back to the account (Bitcoin-like change output)
     * @param note the creator's note
     * @param failureReason why it failed, when it did
     */
    public record Send(
            long requestId,
            Optional<String> contractAddress,
            Optional<Long> feeAccountId,
            Amount reservedAmount,
            Amount reservedFees,
            String speed,
            FeePlan feePlan,
            Optional<Long> nonce,
            Optional<String> rawTransaction,
            Amount change,
            Optional<Note> note,
            Optional<String> failureReason) {
    }

    /** A note attached by the creator of a transaction. */
    public record Note(String title, String content) {
    }

    public Transaction {
        senders = List.copyOf(senders);
    }

    /** How many blocks include it, given the network's current height. */
    public int confirmations(long tipHeight) {
        return block.map(b -> (int) Math.max(0, Math.min(Integer.MAX_VALUE, tipHeight - b.height() + 1))).orElse(0);
    }

    public Transaction withStatus(TransactionStatus newStatus) {
        return new Transaction(id, workspaceId, accountId, type, newStatus, amount, fees, maxFees, currency, network,
                recipient, senders, txHash, block, minConfirmations, createdBy, createdOn, broadcastOn, confirmedOn, send);
    }
}
