package io.coffer.db;

import io.coffer.common.Outcome;
import io.coffer.common.Overloaded;
import io.coffer.common.Tx;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the write transactions of the embedded database one at a time, on one thread, and commits the
 * ones that queued up together with a single commit (group commit). Each runs inside its own
 * savepoint, so one that fails or throws leaves nothing behind and does not disturb the others; the
 * callers of a batch are answered only after its commit, so nothing is acknowledged before it is
 * durable. One writer is what keeps H2's file consistent across a crash (see {@link JdbcUnitOfWork});
 * committing in groups gives back most of the throughput a lock around each transaction costs.
 */
final class GroupCommitWriter implements AutoCloseable, WriterStats {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int MAX_BATCH = 64;

    private record Job<T>(Function<Tx, Outcome<T>> work, CompletableFuture<Outcome<T>> result) {
    }

    private final DataSource dataSource;
    /**
     * Writes waiting for the writer, at most {@code capacity} ({@code COFFER_DB_WRITER_QUEUE}). Each
     * holds a blocked caller (a virtual thread and its request), so beyond it a caller is answered
     * 503 at once, before its transaction starts, rather than queued without limit; at a few
     * thousand commits a second the default 4096 is about a second of work.
     */
    private final BlockingQueue<Job<?>> queue;
    private final int capacity;
    private final Thread thread;
    private volatile boolean running = true;
    /** Told of each batch and refusal when metrics are on (docs/metrics.md); nothing otherwise. */
    private volatile IntConsumer batchObserver = size -> { };
    private volatile Runnable rejectionObserver = () -> { };

    GroupCommitWriter(DataSource dataSource, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the writer queue needs room for one write: " + capacity);
        }
        this.dataSource = dataSource;
        this.capacity = capacity;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.thread = Thread.ofPlatform().name("coffer-writer").daemon(true).start(this::loop);
    }

    /** Runs the work in the next batch and waits for the batch's commit. */
    <T> Outcome<T> write(Function<Tx, Outcome<T>> work) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("a write transaction cannot start another one");
        }
        if (!running) {
            throw new IllegalStateException("the database writer is closed");
        }
        CompletableFuture<Outcome<T>> result = new CompletableFuture<>();
        if (!queue.offer(new Job<>(work, result))) {
            rejectionObserver.run();
            throw new Overloaded("the database writer has " + capacity + " writes waiting; try again");
        }
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private void loop() {
        List<Job<?>> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            batchObserver.accept(batch.size());
            run(batch);
            batch.clear();
        }
        Job<?> left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(new IllegalStateException("the database writer is closed"));
        }
    }

    private void run(List<Job<?>> batch) {
        List<Runnable> afterCommit = new ArrayList<>(batch.size());
        try (Connection connection = JdbcUnitOfWork.connect(dataSource)) {
            connection.setAutoCommit(false);
            for (Job<?> job : batch) {
                runOne(connection, job, afterCommit);
            }
            connection.commit();
        } catch (Overloaded e) {
            // No connection came free: nothing of the batch ran; its callers are answered 503.
            batch.forEach(job -> job.result().completeExceptionally(e));
            return;
        } catch (SQLException | RuntimeException e) {
            StorageException failure = e instanceof StorageException storage ? storage
                    : new StorageException("write transaction failed", e instanceof SQLException sql ? sql
                            : new SQLException(e.getMessage(), e));
            LOG.warn("group commit of {} transactions failed: {}", batch.size(), e.toString());
            for (Job<?> job : batch) {
                job.result().completeExceptionally(failure);
            }
            return;
        }
        afterCommit.forEach(Runnable::run);
    }

    private static <T> void runOne(Connection connection, Job<T> job, List<Runnable> afterCommit) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            JdbcTx tx = JdbcTx.ofSoleWriter(connection);
            Outcome<T> outcome = job.work().apply(tx);
            if (outcome.isOk()) {
                tx.runBeforeCommit();
                // First in the list: every transaction's after-commit actions (forgetting cached balances)
                // run before any caller of the batch is answered.
                afterCommit.add(0, tx::runAfterCommit);
                afterCommit.add(() -> job.result().complete(outcome));
            } else {
                connection.rollback(savepoint);
                job.result().complete(outcome);
            }
        } catch (RuntimeException | Error e) {
            connection.rollback(savepoint);
            job.result().completeExceptionally(e);
        }
    }

    @Override
    public int queued() {
        return queue.size();
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public void observe(IntConsumer batchSizes, Runnable rejected) {
        this.batchObserver = batchSizes;
        this.rejectionObserver = rejected;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
