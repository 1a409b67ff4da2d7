package io.coffer.nft;

import java.math.BigInteger;
import java.util.Optional;

/**
 * An NFT arriving in an account (a sandbox mint or transfer in).
 *
 * @param contractAddress the collection's contract, as given (checked and spelled EIP-55 by the service)
 * @param tokenId the token id, a uint256
 * @param amount how many units arrive: 1 for ERC-721
 * @param collectionName the collection's display name, kept from the first mint that names it
 */
public record NftMint(String contractAddress, BigInteger tokenId, NftStandard standard, BigInteger amount,
                      Optional<String> collectionName, Optional<NftMetadata> metadata) {
}
