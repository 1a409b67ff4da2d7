package io.coffer.user;

import io.coffer.common.Role;
import java.time.Instant;
import java.util.Optional;

/** What is stored to create an API user; the secret is present only as its hash. */
public record NewApiUser(
        long workspaceId,
        String username,
        Role role,
        boolean viewAll,
        String apiKeyId,
        String secretHash,
        Optional<String> publicKey,
        Optional<Long> createdBy,
        Instant createdOn,
        UserStatus status) {
}
