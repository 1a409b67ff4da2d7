package io.coffer.tradelink;

import java.util.List;
import java.util.Optional;

/** The filters of {@code GET /pledges}. */
public record PledgeFilter(Optional<Long> accountId, Optional<Long> assetManagerId, Optional<Long> exchangeId,
                           List<PledgeState> states) {

    public PledgeFilter {
        states = List.copyOf(states);
    }
}
