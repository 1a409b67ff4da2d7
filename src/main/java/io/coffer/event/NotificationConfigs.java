package io.coffer.event;

import io.coffer.common.Tx;
import java.time.Instant;
import java.util.Optional;

/** Storage of users' notification configurations. */
public interface NotificationConfigs {

    /** A stored configuration: no webhook, or its URL with the secret sealed and the part of it that may be shown. */
    record Stored(Optional<String> url, Optional<String> sealedSecret, String secretHint) {
    }

    Optional<Stored> find(Tx tx, long userId);

    void save(Tx tx, long workspaceId, long userId, Stored config, Instant at);
}
