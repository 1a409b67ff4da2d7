package io.coffer.http;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Ends a body read that takes too long: the reading thread is interrupted, which closes its
 * connection. The web server has no deadline of its own on bodies, so a client that announces a
 * body and sends it a byte a minute would otherwise hold its connection, its thread and its share
 * of the body budget forever. Only the client's time counts: while the server itself makes the read
 * wait (for room in the body budget), the deadline is paused. One timer thread serves the whole
 * process; its queue holds one entry per body being read, which the body budget bounds.
 */
final class ReadDeadline implements AutoCloseable {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final Object guard = new Object();
    private final Thread reader;
    private long deadlineNanos;
    private long pausedAt;
    private boolean running = true;
    private ScheduledFuture<?> alarm;

    private ReadDeadline(Duration limit) {
        this.reader = Thread.currentThread();
        synchronized (guard) {
            this.deadlineNanos = System.nanoTime() + limit.toNanos();
            this.alarm = TIMER.schedule(this::expire, limit.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Starts the deadline for the calling thread's read. */
    static ReadDeadline start(Duration limit) {
        return new ReadDeadline(limit);
    }

    /** Stops the clock while the server, not the client, holds the read up. */
    void pause() {
        synchronized (guard) {
            running = false;
            pausedAt = System.nanoTime();
        }
    }

    /** Starts the clock again, the deadline moved by the time it was paused. */
    void resume() {
        synchronized (guard) {
            long now = System.nanoTime();
            deadlineNanos += now - pausedAt;
            running = true;
            alarm.cancel(false);
            alarm = TIMER.schedule(this::expire, Math.max(0, deadlineNanos - now), TimeUnit.NANOSECONDS);
        }
    }

    private void expire() {
        synchronized (guard) {
            if (running && System.nanoTime() - deadlineNanos >= 0) {
                reader.interrupt();
            }
        }
    }

    /** Stops the deadline; after it returns the reading thread is never interrupted by it. */
    @Override
    public void close() {
        synchronized (guard) {
            running = false;
            alarm.cancel(false);
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
