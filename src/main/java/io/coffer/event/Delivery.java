package io.coffer.event;

import java.time.Instant;
import java.util.Optional;

/** One event to be posted to one user's webhook, and how its tries went. */
public record Delivery(long id, long userId, FeedEvent event, DeliveryStatus status, int tries,
                       Instant nextTryAt, Optional<Integer> lastStatus, Optional<String> lastError,
                       Optional<Instant> deliveredOn) {
}
