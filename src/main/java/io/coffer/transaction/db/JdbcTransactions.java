package io.coffer.transaction.db;

import io.coffer.common.Amount;
import io.coffer.common.Caller;
import io.coffer.common.Tx;
import io.coffer.db.Sql;
import io.coffer.network.Block;
import io.coffer.transaction.Transaction;
import io.coffer.transaction.TransactionStatus;
import io.coffer.transaction.TransactionType;
import io.coffer.transaction.Transactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@link Transactions} over JDBC; senders are stored as one newline-separated column. */
public final class JdbcTransactions implements Transactions {

    private static final String COLUMNS = """
            t.id, t.workspace_id, t.account_id, t.tx_type, t.status, t.amount, t.fees, t.max_fees, t.currency,
            t.network, t.recipient, t.senders, t.tx_hash, t.block_height, t.block_hash, t.block_time,
            t.min_confirmations, t.created_by, t.created_on, t.broadcast_on, t.confirmed_on""";

    @Override
    public long create(Tx tx, Transaction t) {
        return Sql.insert(tx, """
                INSERT INTO txn (workspace_id, account_id, tx_type, status, amount, fees, max_fees, currency, network,
                                 recipient, senders, tx_hash, block_height, block_hash, block_time, min_confirmations,
                                 created_by, created_on, broadcast_on, confirmed_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                t.workspaceId(), t.accountId(), t.type(), t.status(), t.amount(),
                Sql.orNull(t.fees(), Sql.NULL_NUMERIC), Sql.orNull(t.maxFees(), Sql.NULL_NUMERIC), t.currency(),
                t.network(), Sql.orNull(t.recipient(), Sql.NULL_VARCHAR), String.join("\n", t.senders()),
                Sql.orNull(t.txHash(), Sql.NULL_VARCHAR), Sql.orNull(t.block().map(Block::height), Sql.NULL_BIGINT),
                Sql.orNull(t.block().map(Block::hash), Sql.NULL_VARCHAR),
                Sql.orNull(t.block().map(Block::time), Sql.NULL_TIMESTAMP), t.minConfirmations(), t.createdBy(),
                t.createdOn(), Sql.orNull(t.broadcastOn(), Sql.NULL_TIMESTAMP),
                Sql.orNull(t.confirmedOn(), Sql.NULL_TIMESTAMP));
    }

    @Override
    public Optional<Transaction> find(Tx tx, long workspaceId, long transactionId) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM txn t WHERE t.id = ? AND t.workspace_id = ?",
                JdbcTransactions::map, transactionId, workspaceId);
    }

    @Override
    public Optional<Transaction> findVisible(Tx tx, Caller caller, long transactionId) {
        if (caller.seesEverything()) {
            return find(tx, caller.workspaceId(), transactionId);
        }
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM txn t WHERE t.id = ? AND t.workspace_id = ?"
                        + " AND EXISTS (SELECT 1 FROM account_member m WHERE m.account_id = t.account_id AND m.user_id = ?)",
                JdbcTransactions::map, transactionId, caller.workspaceId(), caller.userId());
    }

    @Override
    public int include(Tx tx, long workspaceId, String network, Block block) {
        return Sql.update(tx, """
                UPDATE txn SET block_height = ?, block_hash = ?, block_time = ?
                WHERE workspace_id = ? AND network = ? AND status = 'SUBMITTED' AND block_height IS NULL""",
                block.height(), block.hash(), block.time(), workspaceId, network);
    }

    @Override
    public List<Transaction> unconfirmedInBlocks(Tx tx, long workspaceId, String network) {
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM txn t WHERE t.workspace_id = ? AND t.network = ?"
                        + " AND t.status = 'SUBMITTED' AND t.block_height IS NOT NULL ORDER BY t.account_id, t.id",
                JdbcTransactions::map, workspaceId, network);
    }

    @Override
    public void markConfirmed(Tx tx, long transactionId, Instant at) {
        Sql.update(tx, "UPDATE txn SET status = 'CONFIRMED', confirmed_on = ? WHERE id = ?", at, transactionId);
    }

    @Override
    public PendingFlows pendingFlows(Tx tx, long accountId) {
        return Sql.one(tx, """
                SELECT
                  COALESCE(SUM(CASE WHEN tx_type = 'RECEIVE' AND block_height IS NULL THEN amount END), 0) AS mempool_in,
                  COALESCE(SUM(CASE WHEN tx_type = 'RECEIVE' AND block_height IS NOT NULL THEN amount END), 0) AS under_in,
                  COALESCE(SUM(CASE WHEN tx_type <> 'RECEIVE' AND block_height IS NULL
                                    THEN amount + COALESCE(fees, 0) END), 0) AS mempool_out,
                  COALESCE(SUM(CASE WHEN tx_type <> 'RECEIVE' AND block_height IS NOT NULL
                                    THEN amount + COALESCE(fees, 0) END), 0) AS under_out
                FROM txn WHERE account_id = ? AND status = 'SUBMITTED'""",
                row -> new PendingFlows(Sql.amount(row, "mempool_in"), Sql.amount(row, "under_in"),
                        Sql.amount(row, "mempool_out"), Sql.amount(row, "under_out")),
                accountId).orElse(new PendingFlows(Amount.ZERO, Amount.ZERO, Amount.ZERO, Amount.ZERO));
    }

    private static Transaction map(ResultSet row) throws SQLException {
        Optional<Long> height = Sql.optionalLong(row, "block_height");
        Optional<Block> block = height.isEmpty() ? Optional.empty()
                : Optional.of(new Block(height.get(), row.getString("block_hash"), Sql.instant(row, "block_time")));
        String senders = row.getString("senders");
        return new Transaction(
                row.getLong("id"),
                row.getLong("workspace_id"),
                row.getLong("account_id"),
                TransactionType.valueOf(row.getString("tx_type")),
                TransactionStatus.valueOf(row.getString("status")),
                Sql.amount(row, "amount"),
                Sql.optionalAmount(row, "fees"),
                Sql.optionalAmount(row, "max_fees"),
                row.getString("currency"),
                row.getString("network"),
                Optional.ofNullable(row.getString("recipient")),
                senders == null || senders.isEmpty() ? List.of() : Arrays.asList(senders.split("\n")),
                Optional.ofNullable(row.getString("tx_hash")),
                block,
                row.getInt("min_confirmations"),
                row.getLong("created_by"),
                Sql.instant(row, "created_on"),
                Sql.optionalInstant(row, "broadcast_on"),
                Sql.optionalInstant(row, "confirmed_on"));
    }
}
