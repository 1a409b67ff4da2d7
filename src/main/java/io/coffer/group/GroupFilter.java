package io.coffer.group;

import io.coffer.common.ObjectStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The filters of {@code GET /groups}; {@code members} keeps groups holding any of the users. */
public record GroupFilter(Optional<Long> id, Optional<String> name, Optional<String> description, List<Long> members,
                          List<ObjectStatus> statuses, Optional<Instant> createdAfter, Optional<Instant> createdBefore) {
}
