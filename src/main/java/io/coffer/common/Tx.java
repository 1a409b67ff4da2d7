package io.coffer.common;

/**
 * An open database transaction, passed explicitly to every repository call made inside it.
 *
 * <p>The domain never looks inside; storage adapters know the concrete type.
 */
public interface Tx {
}
