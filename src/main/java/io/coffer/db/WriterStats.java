package io.coffer.db;

import java.util.function.IntConsumer;

/**
 * What the embedded database's single writer ({@link GroupCommitWriter}) tells about itself, for
 * metrics: how many writes wait, how many may, and the size of each batch it commits.
 */
public interface WriterStats {

    /** Writes waiting for the writer now. */
    int queued();

    /** Writes that may wait at most; beyond it a write is answered 503. */
    int capacity();

    /**
     * Tells {@code batchSizes} the number of transactions of each batch the writer runs from now on,
     * and {@code rejected} of each write refused because the queue was full. Called on the writer's
     * thread (and the refused caller's): both must be quick and never throw.
     */
    void observe(IntConsumer batchSizes, Runnable rejected);
}
