package io.coffer.transaction.http;

import io.coffer.common.Amount;
import io.coffer.network.Block;
import io.coffer.transaction.Transaction;
import io.coffer.transaction.TransactionDetails;
import java.time.Instant;
import java.util.List;

/** The JSON shape of transactions: the spec's {@code Transaction}. */
public final class TransactionJson {

    private TransactionJson() {
    }

    /** The spec's {@code Transaction}; absent optional fields are left out. */
    public record TransactionView(
            long accountId,
            int accountIndex,
            Amount amount,
            BlockView block,
            Instant broadcastOn,
            int confirmations,
            long createdBy,
            Instant createdOn,
            String currency,
            String currencyFamily,
            Amount fees,
            long id,
            List<Object> labels,
            Amount maxFees,
            int minConfirmations,
            List<Object> notes,
            String recipient,
            List<String> senders,
            String status,
            String txHash,
            String type) {
    }

    /** The spec's {@code Block}. */
    public record BlockView(String hash, long height, Instant time) {
        static BlockView of(Block block) {
            return new BlockView(block.hash(), block.height(), block.time());
        }
    }

    public static TransactionView view(TransactionDetails details) {
        Transaction t = details.transaction();
        return new TransactionView(
                t.accountId(),
                details.accountIndex(),
                t.amount(),
                t.block().map(BlockView::of).orElse(null),
                t.broadcastOn().orElse(null),
                details.confirmations(),
                t.createdBy(),
                t.createdOn(),
                t.currency(),
                details.family().apiName(),
                t.fees().orElse(null),
                t.id(),
                List.of(),
                t.maxFees().orElse(null),
                t.minConfirmations(),
                List.of(),
                t.recipient().orElse(null),
                t.senders(),
                t.status().name(),
                t.txHash().orElse(null),
                t.type().name());
    }
}
