package io.coffer.nft;

import java.math.BigInteger;

/**
 * An account's NFTs valued at their collections' floor prices.
 *
 * @param ethValue the sum of units times floor price, in wei, over collections with a floor price
 * @param tokenQuantity the units held in every collection, priced or not
 */
public record NftPortfolio(BigInteger ethValue, BigInteger tokenQuantity) {
}
