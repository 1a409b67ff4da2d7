package io.coffer.signing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The filters of {@code GET /digests}. */
public record DigestFilter(Optional<Long> id, List<Long> accounts, List<SigningStatus> statuses,
                           Optional<Instant> createdAfter, Optional<Instant> createdBefore) {

    public DigestFilter {
        accounts = List.copyOf(accounts);
        statuses = List.copyOf(statuses);
    }
}
