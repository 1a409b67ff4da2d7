package io.coffer.label;

import java.time.Instant;

/** A workspace's tag for accounts and transactions, with a colour and a description. */
public record Label(long id, long workspaceId, String name, String color, String description, long createdBy,
                    Instant createdOn, long updatedBy, Instant updatedOn) {
}
