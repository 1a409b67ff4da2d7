package io.coffer.event;

import io.coffer.common.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of webhook deliveries: claimed, finished and listed through the database. */
public interface Deliveries {

    /** A delivery claimed for posting, with what it takes to post it (the user's webhook as it is now). */
    record Claim(long id, long workspaceId, long userId, FeedEvent event, int tries, Instant leaseUntil,
                 Optional<String> url, Optional<String> sealedSecret, String workspaceKind) {
    }

    /** Whether any delivery is due now (or holds a lease that ran out): a read, so an idle server writes nothing. */
    boolean anyDue(Tx tx, Instant now);

    /**
     * Claims up to {@code limit} due deliveries, each the earliest unfinished one about its object for
     * its user, and no more per user than the adapter's bound with those already in flight; they become SENDING
     * with a lease until {@code leaseUntil}, and leases that ran out are given back first.
     */
    List<Claim> claim(Tx tx, Instant now, Instant leaseUntil, int limit);

    /** Records how a try ended, if this claim still holds the delivery. */
    void finish(Tx tx, Claim claim, DeliveryStatus status, Optional<Integer> httpStatus, Optional<String> error,
                Instant nextTryAt, Instant now);

    /** A user's deliveries after {@code afterId}, oldest first. */
    List<Delivery> list(Tx tx, long userId, long afterId, Optional<DeliveryStatus> status, int limit);

    Optional<Delivery> find(Tx tx, long userId, long deliveryId);

    /** Makes a finished or waiting delivery due again now, with its tries counted from zero. */
    void redeliver(Tx tx, long deliveryId, Instant now);
}
