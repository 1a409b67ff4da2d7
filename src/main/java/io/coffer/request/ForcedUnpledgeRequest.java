package io.coffer.request;

import io.coffer.tradelink.ForcedUnpledge;

/** {@code CREATE_FORCED_UNPLEDGE}: releases a whole TradeLink pledge once the account's rules approve. */
public record ForcedUnpledgeRequest(ForcedUnpledge intent) implements RequestChange {

    @Override
    public RequestType type() {
        return RequestType.CREATE_FORCED_UNPLEDGE;
    }
}
