package io.coffer.db;

import io.coffer.common.Tx;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDBC side of a {@link Tx}: the connection the transaction runs on, and what must be written
 * last, just before it commits.
 */
public record JdbcTx(Connection connection, List<Runnable> beforeCommit) implements Tx {

    public JdbcTx(Connection connection) {
        this(connection, new ArrayList<>());
    }

    /** The connection behind a transaction handle created by {@link JdbcUnitOfWork}. */
    public static Connection connection(Tx tx) {
        return of(tx).connection();
    }

    /**
     * Runs the action just before the transaction commits (and not at all if it rolls back): writes
     * that take a lock every writer of a workspace needs (its event counter) go last, so the lock is
     * held for the shortest time and always after every other lock.
     */
    public static void beforeCommit(Tx tx, Runnable action) {
        of(tx).beforeCommit().add(action);
    }

    /** Runs the actions registered so far (each once), in order. */
    void runBeforeCommit() {
        for (int i = 0; i < beforeCommit.size(); i++) {
            beforeCommit.get(i).run();
        }
        beforeCommit.clear();
    }

    private static JdbcTx of(Tx tx) {
        if (tx instanceof JdbcTx jdbc) {
            return jdbc;
        }
        throw new IllegalArgumentException("not a JDBC transaction: " + tx);
    }
}
