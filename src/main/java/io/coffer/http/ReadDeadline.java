package io.coffer.http;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Ends a body read that takes too long: the reading thread is interrupted, which closes its
 * connection. The web server has no deadline of its own on bodies, so a client that announces a
 * body and sends it a byte a minute would otherwise hold its connection, its thread and its share
 * of the body budget forever. One timer thread serves the whole process; its queue holds one entry
 * per body being read, which the body budget bounds.
 */
final class ReadDeadline implements AutoCloseable {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final Object guard = new Object();
    private final Thread reader;
    private final ScheduledFuture<?> alarm;
    private boolean reading = true;

    private ReadDeadline(Duration limit) {
        this.reader = Thread.currentThread();
        this.alarm = TIMER.schedule(this::expire, limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts the deadline for the calling thread's read. */
    static ReadDeadline start(Duration limit) {
        return new ReadDeadline(limit);
    }

    private void expire() {
        synchronized (guard) {
            if (reading) {
                reader.interrupt();
            }
        }
    }

    /** Stops the deadline; after it returns the reading thread is never interrupted by it. */
    @Override
    public void close() {
        alarm.cancel(false);
        synchronized (guard) {
            reading = false;
        }
        // An alarm that went off as the read finished leaves no interrupt behind to fail later work.
        Thread.interrupted();
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "coffer-body-deadline");
            thread.setDaemon(true);
            return thread;
        });
        // Cancelled alarms leave the queue at once rather than when they would have gone off.
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
