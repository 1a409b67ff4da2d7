package io.coffer.user;

import io.coffer.common.Role;
import java.time.Instant;
import java.util.Optional;

/**
 * An API user of a workspace.
 *
 * @param publicKey the uncompressed P-256 key (hex, {@code 04...}) the user signs approvals with
 */
public record ApiUser(
        long id,
        long workspaceId,
        String username,
        Role role,
        boolean viewAll,
        UserStatus status,
        String apiKeyId,
        Optional<String> publicKey,
        Optional<Long> createdBy,
        Instant createdOn) {
}
