package io.coffer.signing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The filters of {@code GET /messages}. */
public record MessageFilter(Optional<Long> id, List<Long> accounts, Optional<MessageType> type,
                            List<SigningStatus> statuses, Optional<Instant> createdAfter, Optional<Instant> createdBefore) {

    public MessageFilter {
        accounts = List.copyOf(accounts);
        statuses = List.copyOf(statuses);
    }
}
