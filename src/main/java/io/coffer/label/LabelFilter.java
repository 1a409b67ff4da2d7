package io.coffer.label;

import java.time.Instant;
import java.util.Optional;

/** The filters of {@code GET /labels}. */
public record LabelFilter(Optional<Long> id, Optional<String> name, Optional<Instant> createdAfter,
                          Optional<Instant> createdBefore) {
}
