package io.coffer.currency;

import java.util.Locale;

/** A currency family as the API names it ({@code Currency.family}, {@code Transaction.currency_family}). */
public enum Family {
    BITCOIN, CARDANO, COSMOS, ETHEREUM, FIAT, NEAR, POLKADOT, POLYGON, RIPPLE, SOLANA, STELLAR, TEZOS, TRON;

    /** The lowercase spelling the API uses. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
