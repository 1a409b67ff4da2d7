package io.coffer.transaction.db;

import io.coffer.common.Tx;
import io.coffer.db.Sql;
import io.coffer.transaction.Utxo;
import io.coffer.transaction.Utxos;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** {@link Utxos} over JDBC. */
public final class JdbcUtxos implements Utxos {

    private static final String COLUMNS = "id, account_id, tx_hash, output_index, amount, address, derivation_path, spendable";

    @Override
    public void add(Tx tx, Utxo utxo, long createdByTransaction) {
        Sql.update(tx, """
                INSERT INTO utxo (account_id, tx_hash, output_index, amount, address, derivation_path, created_by_txn,
                                  spendable, spent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE)""",
                utxo.accountId(), utxo.txHash(), utxo.outputIndex(), utxo.amount(), utxo.address(), utxo.derivationPath(),
                createdByTransaction, utxo.spendable());
    }

    @Override
    public List<Utxo> available(Tx tx, long accountId) {
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM utxo WHERE account_id = ? AND spendable = TRUE AND spent = FALSE"
                + " AND reserved_by IS NULL ORDER BY amount DESC, id", JdbcUtxos::map, accountId);
    }

    @Override
    public void reserve(Tx tx, List<Utxo> utxos, long transactionId) {
        for (Utxo utxo : utxos) {
            int updated = Sql.update(tx, "UPDATE utxo SET reserved_by = ? WHERE id = ? AND reserved_by IS NULL",
                    transactionId, utxo.id());
            if (updated != 1) {
                throw new IllegalStateException("output " + utxo.id() + " was reserved concurrently");
            }
        }
    }

    @Override
    public List<Utxo> reservedBy(Tx tx, long transactionId) {
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM utxo WHERE reserved_by = ? ORDER BY amount DESC, id",
                JdbcUtxos::map, transactionId);
    }

    @Override
    public void release(Tx tx, long transactionId) {
        Sql.update(tx, "UPDATE utxo SET reserved_by = NULL WHERE reserved_by = ? AND spent = FALSE", transactionId);
    }

    @Override
    public void spend(Tx tx, long transactionId) {
        Sql.update(tx, "UPDATE utxo SET spent = TRUE WHERE reserved_by = ?", transactionId);
    }

    @Override
    public void confirm(Tx tx, long createdByTransaction) {
        Sql.update(tx, "UPDATE utxo SET spendable = TRUE WHERE created_by_txn = ?", createdByTransaction);
    }

    private static Utxo map(ResultSet row) throws SQLException {
        return new Utxo(row.getLong(1), row.getLong(2), row.getString(3), row.getInt(4), Sql.amount(row, 5),
                row.getString(6), row.getString(7), row.getBoolean(8));
    }
}
