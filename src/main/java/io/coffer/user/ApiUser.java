package io.coffer.user;

import io.coffer.common.Role;
import java.time.Instant;
import java.util.Optional;

/**
 * An API user of a workspace.
 *
 * @param publicKey the uncompressed P-256 key (hex, {@code 04...}) the user signs approvals with
 * @param lastRequest the latest request that acted on the user
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
        Instant createdOn,
        Optional<Long> lastRequest) {

    /** Whether the user can act now: active, and a person or program rather than a reporting key. */
    public boolean canAct() {
        return status == UserStatus.ACTIVE && !reportingKey();
    }

    /** Whether this "user" is a reporting key rather than a person or program that acts. */
    public boolean reportingKey() {
        return role == Role.READ_ONLY_API_KEY;
    }
}
