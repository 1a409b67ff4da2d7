package io.coffer.nft;

import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of NFT collections, tokens and holdings, and of Solana light token accounts. */
public interface Nfts {

    /** A collection row of a workspace: one contract on one network. */
    record CollectionRow(long id, String currency, String contractAddress, Optional<NftStandard> standard,
                         Optional<String> name, Optional<BigInteger> floorPrice) {
    }

    /** A token row: its metadata is empty when no mint gave any. */
    record TokenRow(long id, long collectionId, String tokenId, Optional<NftMetadata> metadata) {
    }

    /** What one account holds of one token. */
    record HoldingRow(long id, long accountId, long tokenRef, BigInteger amount) {
    }

    Optional<CollectionRow> collection(Tx tx, long workspaceId, String currency, String contractAddress);

    long collectionCount(Tx tx, long workspaceId);

    long createCollection(Tx tx, long workspaceId, String currency, String contractAddress,
                          Optional<NftStandard> standard, Optional<String> name, Instant at);

    void describeCollection(Tx tx, long collectionId, NftStandard standard, Optional<String> name);

    void setFloorPrice(Tx tx, long collectionId, Optional<BigInteger> wei);

    Optional<TokenRow> token(Tx tx, long collectionId, String tokenId);

    long createToken(Tx tx, long collectionId, String tokenId, Optional<NftMetadata> metadata);

    void describeToken(Tx tx, long tokenRef, NftMetadata metadata);

    /** Every holding of a token (at most one for ERC-721). */
    List<HoldingRow> holdings(Tx tx, long tokenRef);

    long holdingCount(Tx tx, long accountId);

    long createHolding(Tx tx, long accountId, long tokenRef, BigInteger amount, boolean singleOwner, Instant at);

    void setHoldingAmount(Tx tx, long holdingId, BigInteger amount, Instant at);

    /** An account's NFTs, newest holding first. */
    Page<Nft> nfts(Tx tx, long accountId, PageRequest page);

    Optional<Nft> nft(Tx tx, long holdingId);

    /** An account's collections with the units it holds of each, by contract address. */
    Page<NftCollection> collections(Tx tx, long accountId, PageRequest page);

    /** Every collection the account holds, unpaged: the portfolio's input (bounded by the holdings cap). */
    List<NftCollection> allCollections(Tx tx, long accountId);

    List<LightTokenAccount> lightTokens(Tx tx, long accountId);

    Optional<LightTokenAccount> lightToken(Tx tx, long accountId, String mint);

    long createLightToken(Tx tx, LightTokenAccount account);

    void setLightTokenAvailable(Tx tx, long id, BigInteger available);
}
