package io.coffer;

import io.coffer.limits.IdempotencyService;
import io.coffer.limits.RateLimiter;
import io.coffer.request.RequestService;
import io.coffer.transaction.TransactionService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that happens without a request: expiring requests whose week is over, producing the
 * blocks of networks that have a block interval, and deleting rate-limit windows, idempotency
 * keys and refresh tokens that are over. Every instance runs it; the database decides who
 * does what (rows are locked, transitions are conditional), so nothing here is needed for
 * correctness: a request that expired is also expired when it is next touched.
 */
final class Background implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Background.class);

    private final io.coffer.event.Dispatcher dispatcher;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "coffer-background");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param stakingRewards pays the staking rewards the workspace clocks make due
     * @param refreshTokens deletes a batch of refresh tokens long expired
     * @param eventNumbering numbers the events a stopped writer left without their number
     */
    Background(RequestService requests, TransactionService transactions, RateLimiter limits, IdempotencyService keys,
               io.coffer.event.Dispatcher dispatcher, java.util.function.IntSupplier stakingRewards,
               java.util.function.IntSupplier refreshTokens, java.util.function.IntSupplier eventNumbering) {
        this.dispatcher = dispatcher;
        // Webhooks go out within a fraction of a second of their change; an idle check is one indexed read.
        dispatcher.start(java.time.Duration.ofMillis(200));
        executor.scheduleWithFixedDelay(() -> run("request expiry", requests::expireAllDue), 1, 1, TimeUnit.SECONDS);
        executor.scheduleWithFixedDelay(() -> run("block production", transactions::produceDueBlocks), 1, 1,
                TimeUnit.SECONDS);
        executor.scheduleWithFixedDelay(() -> run("staking rewards", stakingRewards), 1, 1, TimeUnit.SECONDS);
        // Reads never write, so what is over is deleted here, a bounded batch a second.
        executor.scheduleWithFixedDelay(() -> run("rate-limit windows purged", limits::purge), 1, 1, TimeUnit.SECONDS);
        executor.scheduleWithFixedDelay(() -> run("idempotency keys purged", keys::purge), 1, 1, TimeUnit.SECONDS);
        executor.scheduleWithFixedDelay(() -> run("refresh tokens purged", refreshTokens), 1, 1, TimeUnit.SECONDS);
        // Events whose writer stopped between its commit and their numbering (PostgreSQL) are numbered here.
        executor.scheduleWithFixedDelay(() -> run("events numbered", eventNumbering), 1, 1, TimeUnit.SECONDS);
    }

    /** The webhook dispatcher, whose posts in flight metrics report. */
    io.coffer.event.Dispatcher dispatcher() {
        return dispatcher;
    }

    private static void run(String what, java.util.function.IntSupplier task) {
        try {
            int done = task.getAsInt();
            if (done > 0) {
                LOG.debug("{}: {}", what, done);
            }
        } catch (RuntimeException e) {
            LOG.warn("{} failed: {}", what, e.toString());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        dispatcher.close();
    }
}
