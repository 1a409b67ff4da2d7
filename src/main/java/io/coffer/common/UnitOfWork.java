package io.coffer.common;

import java.util.function.Function;

/** Runs a block of work in one database transaction: all of it is kept, or none. */
public interface UnitOfWork {

    /**
     * Runs a write. The transaction commits when the block returns {@link Outcome.Ok}; it rolls
     * back when the block returns {@link Outcome.Failed} or throws. Conflicts between concurrent
     * writers (serialization failures, deadlocks) are retried a bounded number of times.
     */
    <T> Outcome<T> write(Function<Tx, Outcome<T>> work);

    /** Runs a read-only block. */
    <T> T read(Function<Tx, T> work);
}
