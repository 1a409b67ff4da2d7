package io.coffer.db;

import io.coffer.common.Tx;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDBC side of a {@link Tx}: the connection the transaction runs on, what must be written
 * last, just before it commits, and whether it runs on the embedded database's single writer.
 *
 * @param soleWriter the transaction runs on {@link GroupCommitWriter}, which excludes every other
 *     writer of the database, so row locks ({@code FOR UPDATE}) would guard against nobody
 */
public record JdbcTx(Connection connection, List<Runnable> beforeCommit, List<Runnable> afterCommit,
                     java.util.Set<Object> afterCommitKeys, boolean soleWriter) implements Tx {

    private static final String FOR_UPDATE = " FOR UPDATE";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JdbcTx.class);

    public JdbcTx(Connection connection) {
        this(connection, new ArrayList<>(), new ArrayList<>(), new java.util.HashSet<>(), false);
    }

    /** A transaction of the single writer ({@link GroupCommitWriter}). */
    static JdbcTx ofSoleWriter(Connection connection) {
        return new JdbcTx(connection, new ArrayList<>(), new ArrayList<>(), new java.util.HashSet<>(), true);
    }

    @Override
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    /**
     * Registers the action for after the commit unless one was registered under the same key in this
     * transaction (numbering a workspace's events once, however many the transaction recorded).
     */
    public static void afterCommitOnce(Tx tx, Object key, Runnable action) {
        JdbcTx jdbc = of(tx);
        if (jdbc.afterCommitKeys.add(key)) {
            jdbc.afterCommit(action);
        }
    }

    /** Runs the actions registered for after the commit, each once, in order (called once it has committed). */
    void runAfterCommit() {
        for (int i = 0; i < afterCommit.size(); i++) {
            try {
                afterCommit.get(i).run();
            } catch (RuntimeException e) {
                // The transaction is committed whatever an action does: its caller must still hear so.
                LOG.warn("an action after a commit failed: {}", e.toString());
            }
        }
        afterCommit.clear();
    }

    /**
     * The statement as this transaction runs it: on the single writer a trailing {@code FOR UPDATE}
     * is dropped. Nothing else writes then, readers never wait for row locks, and H2 parses a
     * locking {@code SELECT} again on every call where it reuses the parse of a plain one (the two
     * locks of a deposit were a tenth of the writer's time).
     */
    static String statement(Tx tx, String sql) {
        return of(tx).soleWriter && sql.endsWith(FOR_UPDATE) ? sql.substring(0, sql.length() - FOR_UPDATE.length()) : sql;
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
