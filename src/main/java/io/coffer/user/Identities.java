package io.coffer.user;

import io.coffer.common.Tx;
import java.util.Optional;

/** Lookups for authentication: each one query, joining the user and its workspace. */
public interface Identities {

    Optional<Identity> byUserId(Tx tx, String workspaceName, long userId);

    Optional<Identity> byUsername(Tx tx, String workspaceName, String username);

    Optional<Identity> byApiKeyId(Tx tx, String apiKeyId);

    Optional<Identity> byApiKeyOwner(Tx tx, long workspaceId, long userId);

    /** The reporting key of a workspace whose key hashes to this value. */
    Optional<Identity> byReportingKeyHash(Tx tx, String workspaceName, String keyHash);
}
