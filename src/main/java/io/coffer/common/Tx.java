package io.coffer.common;

/**
 * An open database transaction, passed explicitly to every repository call made inside it.
 *
 * <p>The domain never looks inside; storage adapters know the concrete type.
 */
public interface Tx {

    /**
     * Runs the action once this transaction has committed, and never if it rolls back: for effects
     * outside the database that must not run ahead of what they describe (forgetting a cached value).
     */
    void afterCommit(Runnable action);
}
