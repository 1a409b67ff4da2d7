package io.coffer.request;

import io.coffer.tradelink.PledgeIncrement;

/** {@code CREATE_PLEDGE_INCREMENT}: raises a TradeLink pledge once the account's rules approve. */
public record PledgeIncrementRequest(PledgeIncrement intent) implements RequestChange {

    @Override
    public RequestType type() {
        return RequestType.CREATE_PLEDGE_INCREMENT;
    }
}
