package io.coffer.group.http;

import io.coffer.group.Group;
import java.time.Instant;
import java.util.List;

/** The spec's {@code Group}. */
public record GroupJson(long createdBy, Instant createdOn, String description, long id, Long lastRequest,
                        List<Long> members, String name, String status) {

    public static GroupJson of(Group group) {
        return new GroupJson(group.createdBy(), group.createdOn(), group.description(), group.id(),
                group.lastRequest().orElse(null), group.members(), group.name(), group.status().name());
    }
}
