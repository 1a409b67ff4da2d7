package io.coffer.limits;

/**
 * The rate limits in force in a workspace.
 *
 * @param enabled whether they are enforced at all (always in live workspaces; in sandbox ones once
 *     asked)
 * @param transactionRequestsPerHour successful {@code CREATE_TRANSACTION} requests per user and hour
 * @param otherPostsPerHour other successful POSTs per user and hour
 * @param pendingRequests open requests the workspace may hold at once
 */
public record RateLimitPolicy(boolean enabled, int transactionRequestsPerHour, int otherPostsPerHour,
                              int pendingRequests) {

    /** The largest value a limit may take. */
    public static final int MAX_LIMIT = 1_000_000;

    public RateLimitPolicy {
        check("transactionRequestsPerHour", transactionRequestsPerHour);
        check("otherPostsPerHour", otherPostsPerHour);
        check("pendingRequests", pendingRequests);
    }

    /** The hourly limit of a kind. */
    public int perHour(LimitKind kind) {
        return switch (kind) {
            case TRANSACTION_REQUESTS -> transactionRequestsPerHour;
            case OTHER_POSTS -> otherPostsPerHour;
        };
    }

    /** These limits with a sandbox's stored choices applied over them. */
    public RateLimitPolicy with(WorkspaceLimits chosen) {
        return new RateLimitPolicy(chosen.enabled(),
                chosen.transactionRequestsPerHour().orElse(transactionRequestsPerHour),
                chosen.otherPostsPerHour().orElse(otherPostsPerHour),
                chosen.pendingRequests().orElse(pendingRequests));
    }

    private static void check(String name, int value) {
        if (value < 1 || value > MAX_LIMIT) {
            throw new IllegalArgumentException(name + " must be between 1 and " + MAX_LIMIT + ": " + value);
        }
    }
}
