package io.coffer.transaction.db;

import io.coffer.common.Amount;
import io.coffer.common.Caller;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import io.coffer.db.Search;
import io.coffer.db.Sql;
import io.coffer.db.Visibility;
import io.coffer.network.Block;
import io.coffer.transaction.FeePlan;
import io.coffer.transaction.Transaction;
import io.coffer.transaction.TransactionFilter;
import io.coffer.transaction.TransactionStatus;
import io.coffer.transaction.TransactionType;
import io.coffer.transaction.Transactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Transactions} over JDBC; senders are stored as one newline-separated column. */
public final class JdbcTransactions implements Transactions {

    private static final String COLUMNS = "t.id, t.workspace_id, t.account_id, t.tx_type, t.status, t.amount, t.fees,"
            + " t.max_fees, t.currency, t.network, t.recipient, t.senders, t.tx_hash, t.block_height, t.block_hash,"
            + " t.block_time, t.min_confirmations, t.created_by, t.created_on, t.broadcast_on, t.confirmed_on,"
            + " t.request_id, t.contract_address, t.fee_account_id, t.reserved_amount, t.reserved_fees, t.speed,"
            + " t.fee_params, t.nonce, t.raw_tx, t.change_amount, t.note_title, t.note_content, t.failure_reason";
    private static final String MEMBER = " AND " + Visibility.account("t.account_id");
    private static final Map<String, String> ORDER_COLUMNS = Map.of("created_on", "t.created_on", "id", "t.id",
            "amount", "t.amount", "status", "t.status", "type", "t.tx_type");

    @Override
    public long create(Tx tx, Transaction t) {
        Optional<Transaction.Send> send = t.send();
        return Sql.insert(tx, """
                INSERT INTO txn (workspace_id, account_id, tx_type, status, amount, fees, max_fees, currency, network,
                                 recipient, senders, tx_hash, block_height, block_hash, block_time, min_confirmations,
                                 created_by, created_on, broadcast_on, confirmed_on, request_id, contract_address,
                                 fee_account_id, reserved_amount, reserved_fees, speed, fee_params, nonce, raw_tx,
                                 change_amount, note_title, note_content, failure_reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                t.workspaceId(), t.accountId(), t.type(), t.status(), t.amount(),
                Sql.orNull(t.fees(), Sql.NULL_NUMERIC), Sql.orNull(t.maxFees(), Sql.NULL_NUMERIC), t.currency(),
                t.network(), Sql.orNull(t.recipient(), Sql.NULL_VARCHAR), String.join("\n", t.senders()),
                Sql.orNull(t.txHash(), Sql.NULL_VARCHAR), Sql.orNull(t.block().map(Block::height), Sql.NULL_BIGINT),
                Sql.orNull(t.block().map(Block::hash), Sql.NULL_VARCHAR),
                Sql.orNull(t.block().map(Block::time), Sql.NULL_TIMESTAMP), t.minConfirmations(), t.createdBy(),
                t.createdOn(), Sql.orNull(t.broadcastOn(), Sql.NULL_TIMESTAMP),
                Sql.orNull(t.confirmedOn(), Sql.NULL_TIMESTAMP),
                Sql.orNull(send.map(Transaction.Send::requestId).filter(id -> id > 0), Sql.NULL_BIGINT),
                Sql.orNull(send.flatMap(Transaction.Send::contractAddress), Sql.NULL_VARCHAR),
                Sql.orNull(send.flatMap(Transaction.Send::feeAccountId), Sql.NULL_BIGINT),
                Sql.orNull(send.map(Transaction.Send::reservedAmount), Sql.NULL_NUMERIC),
                Sql.orNull(send.map(Transaction.Send::reservedFees), Sql.NULL_NUMERIC),
                Sql.orNull(send.map(Transaction.Send::speed), Sql.NULL_VARCHAR),
                Sql.orNull(send.map(s -> s.feePlan().format()), Sql.NULL_VARCHAR),
                Sql.orNull(send.flatMap(Transaction.Send::nonce), Sql.NULL_BIGINT),
                Sql.orNull(send.flatMap(Transaction.Send::rawTransaction), Sql.NULL_VARCHAR),
                Sql.orNull(send.map(Transaction.Send::change), Sql.NULL_NUMERIC),
                Sql.orNull(send.flatMap(Transaction.Send::note).map(Transaction.Note::title), Sql.NULL_VARCHAR),
                Sql.orNull(send.flatMap(Transaction.Send::note).map(Transaction.Note::content), Sql.NULL_VARCHAR),
                Sql.orNull(send.flatMap(Transaction.Send::failureReason), Sql.NULL_VARCHAR));
    }

    @Override
    public void update(Tx tx, Transaction t) {
        Optional<Transaction.Send> send = t.send();
        Sql.update(tx, """
                UPDATE txn SET status = ?, fees = ?, tx_hash = ?, broadcast_on = ?, confirmed_on = ?, nonce = ?, raw_tx = ?,
                               change_amount = ?, failure_reason = ?
                WHERE id = ?""",
                t.status(), Sql.orNull(t.fees(), Sql.NULL_NUMERIC), Sql.orNull(t.txHash(), Sql.NULL_VARCHAR),
                Sql.orNull(t.broadcastOn(), Sql.NULL_TIMESTAMP), Sql.orNull(t.confirmedOn(), Sql.NULL_TIMESTAMP),
                Sql.orNull(send.flatMap(Transaction.Send::nonce), Sql.NULL_BIGINT),
                Sql.orNull(send.flatMap(Transaction.Send::rawTransaction), Sql.NULL_VARCHAR),
                Sql.orNull(send.map(Transaction.Send::change), Sql.NULL_NUMERIC),
                Sql.orNull(send.flatMap(Transaction.Send::failureReason), Sql.NULL_VARCHAR), t.id());
    }

    @Override
    public void setRequest(Tx tx, long transactionId, long requestId) {
        Sql.update(tx, "UPDATE txn SET request_id = ? WHERE id = ?", requestId, transactionId);
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
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM txn t WHERE t.id = ? AND t.workspace_id = ?" + MEMBER,
                JdbcTransactions::map, transactionId, caller.workspaceId(), caller.userId());
    }

    @Override
    public Page<Transaction> search(Tx tx, Caller caller, TransactionFilter filter, PageRequest page) {
        Search search = new Search("txn", "t", caller.workspaceId());
        if (!caller.seesEverything()) {
            search.and(Visibility.account("t.account_id"), caller.userId());
        }
        if (filter.matchNothing()) {
            search.and("1 = 0");
        }
        search.and(filter.id(), "t.id = ?")
                .in(filter.accounts(), "t.account_id")
                .in(filter.currencies(), "t.currency")
                .in(filter.statuses().stream().map(Enum::name).toList(), "t.status")
                .and(filter.type(), "t.tx_type = ?")
                .and(filter.txHash(), "LOWER(t.tx_hash) = LOWER(?)")
                .and(filter.recipient(), "LOWER(t.recipient) = LOWER(?)")
                .and(filter.minAmount(), "t.amount >= ?")
                .and(filter.maxAmount(), "t.amount <= ?")
                .and(filter.title(), "t.note_title = ?")
                .and(filter.createdAfter(), "t.created_on > ?")
                .and(filter.createdBefore(), "t.created_on < ?");
        if (!filter.labels().isEmpty()) {
            search.and("EXISTS (SELECT 1 FROM transaction_label tl JOIN label l ON l.id = tl.label_id"
                    + " WHERE tl.transaction_id = t.id AND l.name IN ("
                    + String.join(", ", filter.labels().stream().map(name -> "?").toList()) + "))", filter.labels().toArray());
        }
        return search.page(tx, COLUMNS, ORDER_COLUMNS, page, JdbcTransactions::map);
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
                  COALESCE(SUM(CASE WHEN tx_type = 'RECEIVE' AND block_height IS NULL THEN amount END), 0),
                  COALESCE(SUM(CASE WHEN tx_type = 'RECEIVE' AND block_height IS NOT NULL THEN amount END), 0),
                  COALESCE(SUM(CASE WHEN tx_type <> 'RECEIVE' AND block_height IS NULL
                                    THEN amount + COALESCE(fees, 0) END), 0),
                  COALESCE(SUM(CASE WHEN tx_type <> 'RECEIVE' AND block_height IS NOT NULL
                                    THEN amount + COALESCE(fees, 0) END), 0),
                  COALESCE(SUM(CASE WHEN tx_type <> 'RECEIVE' AND block_height IS NULL THEN change_amount END), 0),
                  COALESCE(SUM(CASE WHEN tx_type <> 'RECEIVE' AND block_height IS NOT NULL THEN change_amount END), 0)
                FROM txn WHERE account_id = ? AND status = 'SUBMITTED'""",
                row -> new PendingFlows(Sql.amount(row, 1), Sql.amount(row, 2), Sql.amount(row, 3), Sql.amount(row, 4),
                        Sql.amount(row, 5), Sql.amount(row, 6)),
                accountId).orElseThrow();
    }

    private static Transaction map(ResultSet row) throws SQLException {
        Optional<Long> height = Sql.optionalLong(row, 14);
        Optional<Block> block = height.isEmpty() ? Optional.empty()
                : Optional.of(new Block(height.get(), row.getString(15), Sql.instant(row, 16)));
        String senders = row.getString(12);
        String feeParams = row.getString(28);
        Optional<Transaction.Send> send = Optional.empty();
        if (feeParams != null) {
            String title = row.getString(32);
            send = Optional.of(new Transaction.Send(
                    Sql.optionalLong(row, 22).orElse(0L),
                    Optional.ofNullable(row.getString(23)),
                    Sql.optionalLong(row, 24),
                    Sql.amount(row, 25),
                    Sql.amount(row, 26),
                    row.getString(27),
                    FeePlan.parse(feeParams),
                    Sql.optionalLong(row, 29),
                    Optional.ofNullable(row.getString(30)),
                    Sql.amount(row, 31),
                    title == null ? Optional.empty() : Optional.of(new Transaction.Note(title, row.getString(33))),
                    Optional.ofNullable(row.getString(34))));
        }
        return new Transaction(
                row.getLong(1),
                row.getLong(2),
                row.getLong(3),
                TransactionType.valueOf(row.getString(4)),
                TransactionStatus.valueOf(row.getString(5)),
                Sql.amount(row, 6),
                optionalAmount(row, 7),
                optionalAmount(row, 8),
                row.getString(9),
                row.getString(10),
                Optional.ofNullable(row.getString(11)),
                senders == null || senders.isEmpty() ? List.of() : Arrays.asList(senders.split("\n")),
                Optional.ofNullable(row.getString(13)),
                block,
                row.getInt(17),
                row.getLong(18),
                Sql.instant(row, 19),
                Sql.optionalInstant(row, "broadcast_on"),
                Sql.optionalInstant(row, "confirmed_on"),
                send);
    }

    private static Optional<Amount> optionalAmount(ResultSet row, int column) throws SQLException {
        java.math.BigDecimal value = row.getBigDecimal(column);
        return value == null ? Optional.empty() : Optional.of(new Amount(value.toBigIntegerExact()));
    }
}
