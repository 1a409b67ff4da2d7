package io.coffer.entity;

import io.coffer.common.ObjectStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A business unit that owns accounts; operators and reporting keys see the accounts of their
 * entities.
 *
 * @param accounts the ids of the accounts it owns, ascending
 */
public record Entity(long id, long workspaceId, String name, ObjectStatus status, List<Long> accounts, long createdBy,
                     Instant createdOn, Optional<Long> lastRequest) {

    public Entity {
        accounts = List.copyOf(accounts);
    }
}
