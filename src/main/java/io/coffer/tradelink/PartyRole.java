package io.coffer.tradelink;

/** The side a TradeLink party takes: the asset manager pledges, the exchange settles. */
public enum PartyRole {
    ASSET_MANAGER, EXCHANGE
}
