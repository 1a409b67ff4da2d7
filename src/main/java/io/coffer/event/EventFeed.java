package io.coffer.event;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.UnitOfWork;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /events} and the deliveries routes: the same events webhooks post, read in sequence, so
 * a client that was down catches up with no gap and no duplicate; and what became of each delivery.
 */
public final class EventFeed {

    public static final int MAX_LIMIT = 1000;

    /** A page of the feed: the events, and the sequence number to ask after next. */
    public record Page(List<FeedEvent> events, long nextAfter, long lastSeq) {
    }

    private final UnitOfWork unitOfWork;
    private final EventLog log;
    private final Deliveries deliveries;
    private final java.time.InstantSource clock;

    public EventFeed(UnitOfWork unitOfWork, EventLog log, Deliveries deliveries, java.time.InstantSource clock) {
        this.unitOfWork = unitOfWork;
        this.log = log;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public Outcome<Page> after(Caller caller, long after, int limit) {
        if (after < 0) {
            return Outcome.invalid("query parameter 'after' must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return Outcome.invalid("query parameter 'limit' must be 1 to " + MAX_LIMIT);
        }
        return Outcome.ok(unitOfWork.read(tx -> {
            // The last number is read first: every event up to it is committed, so asking after it later misses nothing.
            long last = log.lastSeq(tx, caller.workspaceId());
            List<FeedEvent> events = log.after(tx, caller, after, limit).stream().filter(e -> e.seq() <= last).toList();
            long next = events.size() == limit ? events.getLast().seq() : Math.max(after, last);
            return new Page(events, next, last);
        }));
    }

    /** The caller's deliveries after a delivery id, oldest first. */
    public Outcome<List<Delivery>> deliveries(Caller caller, long afterId, Optional<DeliveryStatus> status, int limit) {
        if (afterId < 0) {
            return Outcome.invalid("query parameter 'after' must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return Outcome.invalid("query parameter 'limit' must be 1 to " + MAX_LIMIT);
        }
        return Outcome.ok(unitOfWork.read(tx -> deliveries.list(tx, caller.userId(), afterId, status, limit)));
    }

    /** Posts a delivery of the caller's again, now (unless it is being posted at this moment). */
    public Outcome<Delivery> redeliver(Caller caller, long deliveryId) {
        return unitOfWork.write(tx -> {
            Optional<Delivery> delivery = deliveries.find(tx, caller.userId(), deliveryId);
            if (delivery.isEmpty()) {
                return Outcome.notFound("delivery " + deliveryId + " not found");
            }
            if (delivery.get().status() == DeliveryStatus.SENDING) {
                return Outcome.invalid("delivery " + deliveryId + " is being posted right now; try again when it ends");
            }
            deliveries.redeliver(tx, deliveryId, clock.instant());
            return Outcome.ok(deliveries.find(tx, caller.userId(), deliveryId).orElseThrow());
        });
    }
}
