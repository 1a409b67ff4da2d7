package io.coffer.user.http;

import io.coffer.user.ApiUser;
import java.time.Instant;

/**
 * The spec's {@code User}. Every Coffer user is an API user ({@code is_api}); reporting keys are
 * users with role {@code READ_ONLY_API_KEY} and the key lifecycle's statuses. A workspace's first
 * admin, created by nobody, reports itself as its creator ({@code created_by} is required).
 */
public record UserJson(long createdBy, Instant createdOn, long id, boolean isApi, Long lastRequest, String pubKey,
                       String role, String status, String username) {

    public static UserJson of(ApiUser user) {
        return new UserJson(user.createdBy().orElse(user.id()), user.createdOn(), user.id(), true,
                user.lastRequest().orElse(null), user.publicKey().orElse(null), user.role().name(), status(user),
                user.username());
    }

    private static String status(ApiUser user) {
        if (!user.reportingKey()) {
            return user.status().name();
        }
        return switch (user.status()) {
            case ACCESS_SUSPENDED -> "SUSPENDED";
            case REJECTED -> "ABORTED";
            default -> user.status().name();
        };
    }
}
