package io.coffer.nft;

import java.math.BigInteger;
import java.util.Optional;

/**
 * A collection as one account holds it.
 *
 * @param tokenBalance the units of the collection's tokens the account holds
 * @param floorPrice the floor price in wei, where one is set on an ETH network
 */
public record NftCollection(long accountId, String contractAddress, NftStandard standard, Optional<String> name,
                            BigInteger tokenBalance, Optional<BigInteger> floorPrice) {
}
