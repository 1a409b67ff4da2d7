package io.coffer.common;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Work that every write transaction of one call must commit together with the call's own changes,
 * set around the call on its thread: the idempotency key of a POST is marked as carried out in the
 * transaction that carries it out, so a crash can never leave a committed call runnable again.
 */
public final class WriteScope {

    /** The work of the call running on this thread; none outside a scoped call. */
    private static final ThreadLocal<Consumer<Tx>> CURRENT = new ThreadLocal<>();

    /** A call that may throw what a request handler throws. */
    @FunctionalInterface
    public interface Call {
        void run() throws Exception;
    }

    private WriteScope() {
    }

    /** Runs the call with {@code alongside} joined to each of its committed write transactions. */
    public static void during(Consumer<Tx> alongside, Call call) throws Exception {
        Consumer<Tx> outer = CURRENT.get();
        CURRENT.set(alongside);
        try {
            call.run();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** What the current call's write transactions must also do, read by the unit of work when a write starts. */
    public static Optional<Consumer<Tx>> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
