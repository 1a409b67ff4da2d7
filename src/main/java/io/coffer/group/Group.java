package io.coffer.group;

import io.coffer.common.ObjectStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A named set of users that governance steps can require approvals from.
 *
 * @param members the member user ids, in ascending order
 * @param lastRequest the latest request that acted on the group
 */
public record Group(long id, long workspaceId, String name, String description, ObjectStatus status, List<Long> members,
                    long createdBy, Instant createdOn, Optional<Long> lastRequest) {

    public Group {
        members = List.copyOf(members);
    }
}
