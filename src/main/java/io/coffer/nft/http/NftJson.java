package io.coffer.nft.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.coffer.nft.FloorPrice;
import io.coffer.nft.LightTokenAccount;
import io.coffer.nft.Nft;
import io.coffer.nft.NftCollection;
import io.coffer.nft.NftMetadata;
import io.coffer.nft.NftPortfolio;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The spec's {@code NFT}, {@code NFTCollection}, {@code NFTPortfolioValuation} and
 * {@code VaultLightTokenAccount}. Counts and wei values are JSON integers, as the spec types them
 * (exact, whatever their size); {@code NFTPrice.value} is a JSON number of ETH, written in full.
 */
public final class NftJson {

    /** Wei in one ETH: {@code NFTPrice.value} is in ETH while floor prices are kept in wei. */
    private static final int ETH_DECIMALS = 18;

    private NftJson() {
    }

    public record NftView(String contractAddress, MetadataView metadata, PriceView price, String tokenId,
                          String tokenType, TxBalanceView txBalance, BigInteger value) {
    }

    /** {@code NFTMetadata}: the spec spells its fields in camelCase. */
    public record MetadataView(String description, String media, MediasView medias,
                               @JsonProperty("properties") List<PropertyView> properties,
                               @JsonProperty("tokenId") String tokenId, @JsonProperty("tokenName") String tokenName) {
    }

    public record MediasView(MediaView original) {
    }

    public record MediaView(@JsonProperty("mediaType") String mediaType, String uri) {
    }

    public record PropertyView(String key, String value) {
    }

    public record PriceView(String contractAddress, String ticker, @JsonSerialize(using = PlainNumber.class) BigDecimal value) {
    }

    /** {@code NFTTransactionBalance}: NFTs are not sent by Coffer, so all of a holding is available. */
    public record TxBalanceView(BigInteger available, BigInteger onChain, BigInteger pendingApproval, BigInteger submitted) {
    }

    public record CollectionView(long accountId, String contractAddress, String name, PriceView price,
                                 BigInteger tokenBalance, String tokenType) {
    }

    public record ValuationView(BigInteger ethValue) {
    }

    public record PortfolioView(ValuationView portfolioValue, BigInteger tokenQuantity) {
    }

    public record LightTokenView(String accountName, String associatedTokenAccount, BigInteger available,
                                 String contractAddress, String creationTransactionHash, long parentId, BigInteger pending,
                                 String status, String ticker) {
    }

    /** The sandbox's answer to a floor price: {@code floor_price} is absent once cleared. */
    public record FloorPriceView(String currency, String contractAddress, String floorPrice) {
    }

    public static NftView of(Nft nft) {
        return new NftView(nft.contractAddress(), nft.metadata().map(m -> metadata(m, nft.tokenId())).orElse(null),
                price(nft.contractAddress(), nft.floorPrice()), nft.tokenId(), nft.standard().name(),
                new TxBalanceView(nft.amount(), nft.amount(), BigInteger.ZERO, BigInteger.ZERO), nft.amount());
    }

    public static CollectionView of(NftCollection collection) {
        return new CollectionView(collection.accountId(), collection.contractAddress(), collection.name().orElse(null),
                price(collection.contractAddress(), collection.floorPrice()), collection.tokenBalance(),
                collection.standard().name());
    }

    public static PortfolioView of(NftPortfolio portfolio) {
        return new PortfolioView(new ValuationView(portfolio.ethValue()), portfolio.tokenQuantity());
    }

    public static LightTokenView of(LightTokenAccount account) {
        return new LightTokenView(account.accountName(), account.associatedTokenAccount(), account.available(),
                account.mint(), account.creationTransactionHash(), account.parentId(), account.pending(), account.status(),
                account.ticker());
    }

    public static FloorPriceView of(FloorPrice price) {
        return new FloorPriceView(price.currency(), price.contractAddress(), price.wei().map(BigInteger::toString)
                .orElse(null));
    }

    private static MetadataView metadata(NftMetadata metadata, String tokenId) {
        return new MetadataView(metadata.description().orElse(null), metadata.media(),
                new MediasView(new MediaView(metadata.mediaType().orElse(null), metadata.media())),
                metadata.properties().stream().map(p -> new PropertyView(p.key(), p.value())).toList(), tokenId,
                metadata.name());
    }

    private static PriceView price(String contract, Optional<BigInteger> wei) {
        return wei.map(value -> new PriceView(contract, "ETH", new BigDecimal(value, ETH_DECIMALS).stripTrailingZeros()))
                .orElse(null);
    }

    /** Writes a decimal as a JSON number without an exponent, so no digit is lost or reformatted. */
    public static final class PlainNumber extends JsonSerializer<BigDecimal> {
        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(value.toPlainString());
        }
    }
}
