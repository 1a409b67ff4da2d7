package io.coffer.common;

/**
 * A bounded queue of work is full: the caller should try again shortly. Answered 503 with
 * {@code Retry-After}, never queued without limit.
 */
public final class Overloaded extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Overloaded(String message) {
        super(message, null, false, false);
    }
}
