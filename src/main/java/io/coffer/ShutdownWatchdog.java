package io.coffer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the server when the process is asked to stop, and halts the process if closing takes
 * longer than a deadline (a stuck connection, a writer that never returns): a stop request always
 * ends Coffer within seconds, so a supervisor can restart it.
 */
final class ShutdownWatchdog {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownWatchdog.class);

    private ShutdownWatchdog() {
    }

    /** Closes {@code server}; runs {@code halt} if that has not finished after {@code deadlineMillis}. */
    static void closeWithin(AutoCloseable server, long deadlineMillis, Runnable halt) {
        Thread watchdog = Thread.ofPlatform().daemon(true).name("coffer-stop-watchdog").start(() -> {
            try {
                Thread.sleep(deadlineMillis);
                LOG.warn("the server did not stop within {} ms; halting", deadlineMillis);
                halt.run();
            } catch (InterruptedException stopped) {
                // closed in time
            }
        });
        try {
            server.close();
        } catch (Exception e) {
            LOG.warn("stopping failed: {}", e.toString());
        } finally {
            watchdog.interrupt();
        }
    }
}
