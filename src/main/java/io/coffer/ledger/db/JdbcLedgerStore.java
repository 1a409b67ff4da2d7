package io.coffer.ledger.db;

import io.coffer.common.Amount;
import io.coffer.common.Tx;
import io.coffer.db.JdbcTx;
import io.coffer.db.Sql;
import io.coffer.db.StorageException;
import io.coffer.ledger.Balance;
import io.coffer.ledger.LedgerStore;
import io.coffer.ledger.Posting;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@link LedgerStore} over JDBC. */
public final class JdbcLedgerStore implements LedgerStore {

    private static final String BALANCE_COLUMNS = "account_id, confirmed, incoming, outgoing, dust, last_entry_at";

    @Override
    public void open(Tx tx, long accountId) {
        Sql.update(tx, "INSERT INTO account_balance (account_id, confirmed, incoming, outgoing, dust) VALUES (?, 0, 0, 0, 0)",
                accountId);
    }

    @Override
    public Map<Long, Stored> lock(Tx tx, List<Long> accountIds) {
        Map<Long, Stored> result = new HashMap<>();
        for (Long id : accountIds) {
            Sql.one(tx, "SELECT " + BALANCE_COLUMNS + " FROM account_balance WHERE account_id = ? FOR UPDATE",
                    row -> new Stored(balance(row), Sql.optionalInstant(row, "last_entry_at")), id)
                    .ifPresent(stored -> result.put(id, stored));
        }
        return result;
    }

    @Override
    public Map<Long, Balance> read(Tx tx, Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        if (accountIds.size() == 1) {
            long id = accountIds.iterator().next();
            return Sql.one(tx, "SELECT " + BALANCE_COLUMNS + " FROM account_balance WHERE account_id = ?",
                    JdbcLedgerStore::balance, id).map(balance -> Map.of(id, balance)).orElse(Map.of());
        }
        String placeholders = accountIds.stream().map(id -> "?").collect(Collectors.joining(", "));
        Map<Long, Balance> result = new HashMap<>();
        for (var row : Sql.list(tx, "SELECT " + BALANCE_COLUMNS + " FROM account_balance WHERE account_id IN ("
                + placeholders + ")", rs -> Map.entry(rs.getLong(1), balance(rs)), accountIds.toArray())) {
            result.put(row.getKey(), row.getValue());
        }
        return result;
    }

    @Override
    public void append(Tx tx, Posting posting, List<WrittenEntry> entries, Instant effectiveAt) {
        long postingId = Sql.insert(tx, """
                INSERT INTO ledger_posting (workspace_id, transaction_id, kind, asset, created_on) VALUES (?, ?, ?, ?, ?)""",
                posting.workspaceId(), Sql.orNull(posting.transactionId(), Sql.NULL_BIGINT), posting.kind(),
                posting.asset(), posting.at());
        try (PreparedStatement insert = JdbcTx.connection(tx).prepareStatement("""
                INSERT INTO ledger_entry (posting_id, workspace_id, account_id, asset, bucket, side, amount, effective_at,
                                          balance_after)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (WrittenEntry written : entries) {
                Posting.Entry entry = written.entry();
                insert.setLong(1, postingId);
                insert.setLong(2, posting.workspaceId());
                if (entry.accountId().isPresent()) {
                    insert.setLong(3, entry.accountId().get());
                } else {
                    insert.setNull(3, Types.BIGINT);
                }
                insert.setString(4, posting.asset());
                insert.setString(5, entry.bucket().name());
                insert.setString(6, entry.side().code());
                insert.setBigDecimal(7, new BigDecimal(entry.amount().value()));
                insert.setObject(8, effectiveAt.atOffset(ZoneOffset.UTC));
                if (written.balanceAfter().isPresent()) {
                    insert.setBigDecimal(9, new BigDecimal(written.balanceAfter().get().value()));
                } else {
                    insert.setNull(9, Types.NUMERIC);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new StorageException("cannot write ledger entries", e);
        }
    }

    @Override
    public void save(Tx tx, long accountId, Balance balance, Instant lastEntryAt) {
        Sql.update(tx, """
                UPDATE account_balance SET confirmed = ?, incoming = ?, outgoing = ?, dust = ?, last_entry_at = ?
                WHERE account_id = ?""",
                balance.confirmed(), balance.incoming(), balance.outgoing(), balance.dust(), lastEntryAt, accountId);
    }

    /**
     * For each instant, the first confirmed entry after it tells the balance at it (its running
     * balance minus its own movement); with no later entry the balance is today's. Ascending index
     * range scans that stop at the first row are what both engines do best.
     */
    @Override
    public List<Amount> confirmedAt(Tx tx, long accountId, List<Instant> instants) {
        Amount current = read(tx, List.of(accountId)).getOrDefault(accountId, Balance.ZERO).confirmed();
        List<Amount> result = new ArrayList<>(instants.size());
        try (PreparedStatement seek = JdbcTx.connection(tx).prepareStatement("""
                SELECT balance_after, amount, side FROM ledger_entry
                WHERE account_id = ? AND bucket = 'CONFIRMED' AND effective_at > ?
                ORDER BY account_id, bucket, effective_at, id
                FETCH FIRST 1 ROWS ONLY""")) {
            for (Instant instant : instants) {
                seek.setLong(1, accountId);
                seek.setObject(2, instant.atOffset(ZoneOffset.UTC));
                try (ResultSet row = seek.executeQuery()) {
                    if (!row.next()) {
                        result.add(current);
                        continue;
                    }
                    BigInteger after = row.getBigDecimal(1).toBigIntegerExact();
                    BigInteger moved = row.getBigDecimal(2).toBigIntegerExact();
                    result.add(new Amount("D".equals(row.getString(3)) ? after.subtract(moved) : after.add(moved)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StorageException("cannot read balance history", e);
        }
    }

    /** Maps a row of {@link #BALANCE_COLUMNS} by position. */
    private static Balance balance(ResultSet row) throws SQLException {
        return new Balance(Sql.amount(row, 2), Sql.amount(row, 3), Sql.amount(row, 4), Sql.amount(row, 5));
    }
}
