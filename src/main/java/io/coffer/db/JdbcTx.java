package io.coffer.db;

import io.coffer.common.Tx;
import java.sql.Connection;

/** The JDBC side of a {@link Tx}: the connection the transaction runs on. */
public record JdbcTx(Connection connection) implements Tx {

    /** The connection behind a transaction handle created by {@link JdbcUnitOfWork}. */
    public static Connection connection(Tx tx) {
        if (tx instanceof JdbcTx jdbc) {
            return jdbc.connection();
        }
        throw new IllegalArgumentException("not a JDBC transaction: " + tx);
    }
}
