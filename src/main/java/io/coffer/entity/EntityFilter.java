package io.coffer.entity;

import io.coffer.common.ObjectStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The filters of {@code GET /entities}; {@code accounts} keeps entities owning any of them. */
public record EntityFilter(Optional<Long> id, Optional<String> name, List<Long> accounts, List<ObjectStatus> statuses,
                           Optional<Instant> createdAfter, Optional<Instant> createdBefore) {
}
