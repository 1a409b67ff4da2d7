package io.coffer.tradelink;

import io.coffer.common.Amount;
import java.time.Instant;
import java.util.Optional;

/**
 * A governed change of a pledge, the target of its request: an increment ({@code PLEDGE_INCREMENT})
 * or a forced unpledge ({@code FORCED_UNPLEDGE}); the state to return to if it is refused.
 */
public record PledgeChange(long id, long workspaceId, String pledgeId, Kind kind, Amount amount,
                           PledgeState previousState, Optional<Long> requestId, Instant createdOn) {

    /** The two changes TradeLink requests make. */
    public enum Kind {
        PLEDGE_INCREMENT, FORCED_UNPLEDGE
    }
}
