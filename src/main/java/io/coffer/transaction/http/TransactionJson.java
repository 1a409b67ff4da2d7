package io.coffer.transaction.http;

import io.coffer.common.Amount;
import io.coffer.network.Block;
import io.coffer.transaction.FeePlan;
import io.coffer.transaction.Transaction;
import io.coffer.transaction.TransactionDetails;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
            Object coinFields,
            io.coffer.compliance.http.ComplianceJson.TransactionComplianceView compliance,
            int confirmations,
            long createdBy,
            Instant createdOn,
            String currency,
            String currencyFamily,
            FailureView failureReasons,
            Amount fees,
            long id,
            List<Object> labels,
            Long lastRequest,
            Amount maxFees,
            int minConfirmations,
            List<NoteView> notes,
            String recipient,
            List<String> senders,
            String speed,
            String status,
            String txHash,
            String type) {
    }

    /** The spec's {@code TransactionNote}. */
    public record NoteView(String content, String title) {
    }

    /** The spec's {@code TransactionFailureReasons}. */
    public record FailureView(String clientReason, String reason) {
    }

    /** The spec's {@code EthereumAndEvmFieldsEip1559}. */
    public record Eip1559Fields(String gasLimit, String priorityFees, String type) {
    }

    /** The spec's {@code BitcoinFields}. */
    public record BitcoinFields(String feesPerByte, String type) {
    }

    /** The spec's {@code Block}. */
    public record BlockView(String hash, long height, Instant time) {
        static BlockView of(Block block) {
            return new BlockView(block.hash(), block.height(), block.time());
        }
    }

    public static TransactionView view(TransactionDetails details) {
        Transaction t = details.transaction();
        Optional<Transaction.Send> send = t.send();
        return new TransactionView(
                t.accountId(),
                details.accountIndex(),
                t.amount(),
                t.block().map(BlockView::of).orElse(null),
                t.broadcastOn().orElse(null),
                send.map(s -> coinFields(s.feePlan())).orElse(null),
                details.screening().map(io.coffer.compliance.http.ComplianceJson::transaction).orElse(null),
                details.confirmations(),
                t.createdBy(),
                t.createdOn(),
                t.currency(),
                details.family().apiName(),
                send.flatMap(Transaction.Send::failureReason).map(reason -> new FailureView(reason, reason)).orElse(null),
                t.fees().orElse(null),
                t.id(),
                List.of(),
                send.map(Transaction.Send::requestId).filter(id -> id > 0).orElse(null),
                t.maxFees().orElse(null),
                t.minConfirmations(),
                send.flatMap(Transaction.Send::note).map(note -> List.of(new NoteView(note.content(), note.title())))
                        .orElse(List.of()),
                t.recipient().orElse(null),
                t.senders(),
                send.map(Transaction.Send::speed).orElse(null),
                t.status().name(),
                t.txHash().orElse(null),
                t.type().name());
    }

    /**
     * Fee fields of a send; always with their distinguishing properties, so the spec's coin_fields
     * oneOf matches exactly one branch.
     */
    static Object coinFields(FeePlan plan) {
        return switch (plan) {
            case FeePlan.Evm evm -> new Eip1559Fields(evm.gasLimit().toString(), evm.priorityFeePerGas().toString(),
                    "EthereumAndEvm");
            case FeePlan.Utxo utxo -> new BitcoinFields(utxo.feePerVbyte().toString(), "Bitcoin");
        };
    }
}
