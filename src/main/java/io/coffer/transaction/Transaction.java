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
 * @param block the block that included it, once mined
 * @param minConfirmations blocks after which it counts as confirmed
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
        Optional<Instant> confirmedOn) {

    public Transaction {
        senders = List.copyOf(senders);
    }

    /** How many blocks include it, given the network's current height. */
    public int confirmations(long tipHeight) {
        return block.map(b -> (int) Math.max(0, Math.min(Integer.MAX_VALUE, tipHeight - b.height() + 1))).orElse(0);
    }
}
