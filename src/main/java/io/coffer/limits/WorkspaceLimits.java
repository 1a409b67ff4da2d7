package io.coffer.limits;

import java.util.Objects;
import java.util.Optional;

/**
 * What a sandbox workspace chose with {@code POST /sandbox/rate-limits}: on or off, and the limits it
 * overrides (the others are the server's).
 */
public record WorkspaceLimits(boolean enabled, Optional<Integer> transactionRequestsPerHour,
                              Optional<Integer> otherPostsPerHour, Optional<Integer> pendingRequests) {

    public WorkspaceLimits {
        Objects.requireNonNull(transactionRequestsPerHour, "transactionRequestsPerHour");
        Objects.requireNonNull(otherPostsPerHour, "otherPostsPerHour");
        Objects.requireNonNull(pendingRequests, "pendingRequests");
    }
}
