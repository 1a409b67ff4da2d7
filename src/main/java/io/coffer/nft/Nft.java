package io.coffer.nft;

import java.math.BigInteger;
import java.util.Optional;

/**
 * A token an account holds.
 *
 * @param holdingId the holding's id (newest first in lists)
 * @param amount how many units the account holds: 1 for ERC-721
 * @param floorPrice the collection's floor price in wei, where one is set on an ETH network
 */
public record Nft(long holdingId, long accountId, String contractAddress, String tokenId, NftStandard standard,
                  BigInteger amount, Optional<NftMetadata> metadata, Optional<BigInteger> floorPrice) {
}
