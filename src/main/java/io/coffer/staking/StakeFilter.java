package io.coffer.staking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The filters of a stake search ({@code GET /<chain>/accounts/{id}/stakes}). */
public record StakeFilter(Optional<Long> id, Optional<Long> creationTx, List<String> stakeUids, List<StakeStatus> statuses,
                          Optional<Instant> createdAfter, Optional<Instant> createdBefore) {

    public StakeFilter {
        stakeUids = List.copyOf(stakeUids);
        statuses = List.copyOf(statuses);
    }
}
