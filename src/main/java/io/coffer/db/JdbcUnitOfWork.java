package io.coffer.db;

import io.coffer.common.Outcome;
import io.coffer.common.Overloaded;
import io.coffer.common.Tx;
import io.coffer.common.UnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link UnitOfWork} over a JDBC {@link DataSource}: one connection, one transaction per block,
 * bounded retries when concurrent writers conflict.
 */
public final class JdbcUnitOfWork implements UnitOfWork {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcUnitOfWork.class);
    /** Serialization failure, PostgreSQL deadlock, H2 deadlock and lock timeout. */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "HYT00");
    private static final int MAX_ATTEMPTS = 8;
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final Optional<GroupCommitWriter> oneWriter;

    /** Concurrent write transactions, as PostgreSQL allows. */
    public JdbcUnitOfWork(DataSource dataSource) {
        this(dataSource, false);
    }

    /**
     * @param serialWrites run write transactions one at a time in this process, on one connection,
     *     committing those that queue up together ({@link GroupCommitWriter}). Embedded H2 needs it:
     *     with concurrent writers, a {@code kill -9} can leave H2 2.5's file in a state where one
     *     transaction is only partly applied (measured: a committed row insert without the same
     *     transaction's update of another row), which a single writer never showed. Reads stay
     *     concurrent.
     */
    public JdbcUnitOfWork(DataSource dataSource, boolean serialWrites) {
        this(dataSource, serialWrites, Database.DEFAULT_WRITER_QUEUE);
    }

    /** @param writerQueue writes that may wait for the single writer before one is refused (503) */
    public JdbcUnitOfWork(DataSource dataSource, boolean serialWrites, int writerQueue) {
        this.dataSource = dataSource;
        this.oneWriter = serialWrites ? Optional.of(new GroupCommitWriter(dataSource, writerQueue)) : Optional.empty();
    }

    /** Writes waiting for the single writer now (0 without one): the writer queue's depth. */
    public int queuedWrites() {
        return oneWriter.map(GroupCommitWriter::queued).orElse(0);
    }

    /**
     * A pooled connection, or {@link Overloaded} when none came free within the pool's wait: the
     * caller is answered 503 with {@code Retry-After} instead of hanging or failing with a 500.
     * HikariCP reports that wait with {@link SQLTransientConnectionException}; any other failure to
     * connect is a fault.
     */
    static Connection connect(DataSource dataSource) throws SQLException {
        try {
            return dataSource.getConnection();
        } catch (SQLTransientConnectionException e) {
            throw new Overloaded("every database connection is busy; try again");
        }
    }

    /** The single writer's queue and batches, when writes go through one (embedded H2). */
    public Optional<WriterStats> writerStats() {
        return oneWriter.map(WriterStats.class::cast);
    }

    /** Stops the single writer, if there is one. */
    public void close() {
        oneWriter.ifPresent(GroupCommitWriter::close);
    }

    @Override
    public <T> Outcome<T> write(Function<Tx, Outcome<T>> work) {
        // Read on the caller's thread: on H2 the transaction itself runs on the single writer's thread.
        Function<Tx, Outcome<T>> joined = io.coffer.common.WriteScope.current()
                .<Function<Tx, Outcome<T>>>map(alongside -> tx -> {
                    Outcome<T> outcome = work.apply(tx);
                    if (outcome.isOk()) {
                        alongside.accept(tx);
                    }
                    return outcome;
                })
                .orElse(work);
        for (int attempt = 1; ; attempt++) {
            try {
                return attemptWrite(joined);
            } catch (StorageException e) {
                if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                    // Two writers raced for the same unique name or key: the loser's input is now a duplicate.
                    return Outcome.invalid("a concurrent change already took this name or key; nothing was written");
                }
                boolean retryable = RETRYABLE.contains(e.sqlState()) || lostBeforeCommit(e);
                if (!retryable || attempt >= MAX_ATTEMPTS) {
                    throw lostBeforeCommit(e) ? unreachable() : e;
                }
                LOG.debug("write retried (SQLState {}), attempt {}", e.sqlState(), attempt);
                backOff(attempt);
            }
        }
    }

    /**
     * Runs reads in auto-commit mode. Both engines run at READ COMMITTED, where every statement sees
     * what was committed when it started, inside a transaction or not; skipping the transaction
     * saves its begin and commit on the hottest paths.
     */
    @Override
    public <T> T read(Function<Tx, T> work) {
        for (int attempt = 1; ; attempt++) {
            StorageException failure;
            try (Connection connection = connect(dataSource)) {
                return work.apply(new JdbcTx(connection));
            } catch (SQLException e) {
                failure = new StorageException("read failed", e);
            } catch (StorageException e) {
                failure = e;
            }
            if (!lostBeforeCommit(failure)) {
                throw failure;
            }
            if (attempt >= MAX_READ_ATTEMPTS) {
                throw unreachable();
            }
            // The pool handed out a connection the database had dropped (a restart, a failover): reads
            // are safe to run again, on another connection.
            LOG.debug("read lost its connection, attempt {}", attempt);
        }
    }

    /**
     * Every connection tried broke before anything was committed (the pool still held connections the
     * database had dropped, or it is away): the caller is answered 503 with {@code Retry-After}, as when
     * no connection comes free, not 500; nothing was written.
     */
    private static Overloaded unreachable() {
        return new Overloaded("the database connection was lost; try again");
    }

    /** Reads that lost their connection are run again this many times in all. */
    private static final int MAX_READ_ATTEMPTS = 3;

    /** SQLState class 08: the connection broke (the database restarted, failed over, or dropped it). */
    private static boolean lostConnection(StorageException e) {
        return e.sqlState().startsWith("08");
    }

    /**
     * A write whose connection broke before its commit was sent left nothing (the database rolls
     * back what a dropped session did), so it runs again; one that broke during the commit may have
     * committed, and is not.
     */
    private static boolean lostBeforeCommit(StorageException e) {
        return lostConnection(e) && !(e instanceof CommitUncertain);
    }

    /** The connection broke while the commit was on its way: the write may or may not have committed. */
    static final class CommitUncertain extends StorageException {
        private static final long serialVersionUID = 1L;

        CommitUncertain(SQLException cause) {
            super("the commit's outcome is unknown", cause);
        }
    }

    private <T> Outcome<T> attemptWrite(Function<Tx, Outcome<T>> work) {
        return oneWriter.isPresent() ? oneWriter.get().write(work) : attemptWriteNow(work);
    }

    private <T> Outcome<T> attemptWriteNow(Function<Tx, Outcome<T>> work) {
        JdbcTx tx;
        Outcome<T> outcome;
        try (Connection connection = connect(dataSource)) {
            connection.setAutoCommit(false);
            try {
                tx = new JdbcTx(connection);
                outcome = work.apply(tx);
                if (outcome.isOk()) {
                    tx.runBeforeCommit();
                    commit(connection);
                } else {
                    connection.rollback();
                }
            } catch (RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("write transaction failed", e);
        }
        if (outcome.isOk()) {
            // After the connection went back: an action may use the database (numbering events) and
            // must not hold a second connection while it waits for one.
            tx.runAfterCommit();
        }
        return outcome;
    }

    private static void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new CommitUncertain(e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed: {}", e.getMessage());
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(Math.min(50, 2L << attempt) + (long) (Math.random() * 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a write", e);
        }
    }
}
