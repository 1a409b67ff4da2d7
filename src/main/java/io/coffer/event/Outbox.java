package io.coffer.event;

import io.coffer.common.Tx;

/**
 * Where changes record their events, inside the transaction that makes the change: committed with
 * it, rolled back with it.
 */
public interface Outbox {

    /** Records the event (and a delivery for each subscriber who may see its object) when the transaction commits. */
    void record(Tx tx, Event event);

    /** An outbox that records nothing, for measuring what the outbox costs. */
    Outbox NONE = (tx, event) -> {
    };
}
