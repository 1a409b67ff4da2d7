package io.coffer.nft.db;

import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import io.coffer.db.Sql;
import io.coffer.nft.LightTokenAccount;
import io.coffer.nft.Nft;
import io.coffer.nft.NftCollection;
import io.coffer.nft.NftMetadata;
import io.coffer.nft.NftStandard;
import io.coffer.nft.Nfts;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Nfts} over JDBC. */
public final class JdbcNfts implements Nfts {

    private static final String COLLECTION_COLUMNS = "c.id, c.currency, c.contract_address, c.standard, c.name, c.floor_price";
    private static final String NFT_COLUMNS = """
            h.id, h.account_id, c.contract_address, t.token_id, c.standard, h.amount, c.floor_price,
            t.id, t.name, t.media, t.media_type, t.description""";
    private static final String NFT_FROM = " FROM nft_holding h JOIN nft_token t ON t.id = h.token_ref"
            + " JOIN nft_collection c ON c.id = t.collection_id";
    private static final String LIGHT_COLUMNS = """
            id, account_id, mint, ticker, account_name, associated_token_account, creation_transaction_hash, available,
            pending, status, created_on""";

    @Override
    public Optional<CollectionRow> collection(Tx tx, long workspaceId, String currency, String contractAddress) {
        return Sql.one(tx, "SELECT " + COLLECTION_COLUMNS + " FROM nft_collection c"
                        + " WHERE c.workspace_id = ? AND c.currency = ? AND c.contract_address = ?",
                row -> new CollectionRow(row.getLong(1), row.getString(2), row.getString(3),
                        Optional.ofNullable(row.getString(4)).map(NftStandard::valueOf), Optional.ofNullable(row.getString(5)),
                        integer(row, 6)),
                workspaceId, currency, contractAddress);
    }

    @Override
    public long collectionCount(Tx tx, long workspaceId) {
        return Sql.count(tx, "SELECT COUNT(*) FROM nft_collection WHERE workspace_id = ?", workspaceId);
    }

    @Override
    public long createCollection(Tx tx, long workspaceId, String currency, String contractAddress,
                                 Optional<NftStandard> standard, Optional<String> name, Instant at) {
        return Sql.insert(tx, """
                INSERT INTO nft_collection (workspace_id, currency, contract_address, standard, name, created_on)
                VALUES (?, ?, ?, ?, ?, ?)""", workspaceId, currency, contractAddress,
                Sql.orNull(standard.map(Enum::name), Sql.NULL_VARCHAR), Sql.orNull(name, Sql.NULL_VARCHAR), at);
    }

    @Override
    public void describeCollection(Tx tx, long collectionId, NftStandard standard, Optional<String> name) {
        Sql.update(tx, "UPDATE nft_collection SET standard = ?, name = ? WHERE id = ?", standard.name(),
                Sql.orNull(name, Sql.NULL_VARCHAR), collectionId);
    }

    @Override
    public void setFloorPrice(Tx tx, long collectionId, Optional<BigInteger> wei) {
        Sql.update(tx, "UPDATE nft_collection SET floor_price = ? WHERE id = ?", Sql.orNull(wei, Sql.NULL_NUMERIC),
                collectionId);
    }

    @Override
    public Optional<TokenRow> token(Tx tx, long collectionId, String tokenId) {
        Optional<TokenRow> token = Sql.one(tx, "SELECT t.id, t.collection_id, t.token_id, t.name, t.media, t.media_type,"
                        + " t.description FROM nft_token t WHERE t.collection_id = ? AND t.token_id = ?",
                row -> new TokenRow(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4) == null
                        ? Optional.empty() : Optional.of(partialMetadata(row, 4))),
                collectionId, tokenId);
        if (token.isEmpty() || token.get().metadata().isEmpty()) {
            return token;
        }
        List<NftMetadata.Property> properties = properties(tx, List.of(token.get().id())).getOrDefault(token.get().id(),
                List.of());
        NftMetadata bare = token.get().metadata().get();
        return Optional.of(new TokenRow(token.get().id(), collectionId, tokenId, Optional.of(new NftMetadata(bare.name(),
                bare.media(), bare.mediaType(), bare.description(), properties))));
    }

    @Override
    public long createToken(Tx tx, long collectionId, String tokenId, Optional<NftMetadata> metadata) {
        long id = Sql.insert(tx, "INSERT INTO nft_token (collection_id, token_id) VALUES (?, ?)", collectionId, tokenId);
        metadata.ifPresent(described -> describeToken(tx, id, described));
        return id;
    }

    @Override
    public void describeToken(Tx tx, long tokenRef, NftMetadata metadata) {
        Sql.update(tx, "UPDATE nft_token SET name = ?, media = ?, media_type = ?, description = ? WHERE id = ?",
                metadata.name(), metadata.media(), Sql.orNull(metadata.mediaType(), Sql.NULL_VARCHAR),
                Sql.orNull(metadata.description(), Sql.NULL_VARCHAR), tokenRef);
        for (int i = 0; i < metadata.properties().size(); i++) {
            NftMetadata.Property property = metadata.properties().get(i);
            Sql.update(tx, "INSERT INTO nft_token_property (token_ref, prop_index, prop_key, prop_value) VALUES (?, ?, ?, ?)",
                    tokenRef, i, property.key(), property.value());
        }
    }

    @Override
    public List<HoldingRow> holdings(Tx tx, long tokenRef) {
        return Sql.list(tx, "SELECT id, account_id, token_ref, amount FROM nft_holding WHERE token_ref = ? ORDER BY id",
                row -> new HoldingRow(row.getLong(1), row.getLong(2), row.getLong(3),
                        row.getBigDecimal(4).toBigIntegerExact()), tokenRef);
    }

    @Override
    public long holdingCount(Tx tx, long accountId) {
        return Sql.count(tx, "SELECT COUNT(*) FROM nft_holding WHERE account_id = ?", accountId);
    }

    @Override
    public long createHolding(Tx tx, long accountId, long tokenRef, BigInteger amount, boolean singleOwner, Instant at) {
        return Sql.insert(tx, """
                INSERT INTO nft_holding (account_id, token_ref, amount, single_owner, created_on, updated_on)
                VALUES (?, ?, ?, ?, ?, ?)""", accountId, tokenRef, amount, singleOwner ? (Object) tokenRef : Sql.NULL_BIGINT,
                at, at);
    }

    @Override
    public void setHoldingAmount(Tx tx, long holdingId, BigInteger amount, Instant at) {
        Sql.update(tx, "UPDATE nft_holding SET amount = ?, updated_on = ? WHERE id = ?", amount, at, holdingId);
    }

    @Override
    public Page<Nft> nfts(Tx tx, long accountId, PageRequest page) {
        long total = holdingCount(tx, accountId);
        List<Nft> items = withProperties(tx, Sql.list(tx, "SELECT " + NFT_COLUMNS + NFT_FROM
                + " WHERE h.account_id = ? ORDER BY h.id DESC LIMIT ? OFFSET ?", JdbcNfts::nft, accountId, page.size(),
                page.offset()));
        return Page.of(items, total, page);
    }

    @Override
    public Optional<Nft> nft(Tx tx, long holdingId) {
        return Sql.one(tx, "SELECT " + NFT_COLUMNS + NFT_FROM + " WHERE h.id = ?", JdbcNfts::nft, holdingId)
                .map(found -> withProperties(tx, List.of(found)).getFirst());
    }

    private static final String COLLECTIONS = "SELECT c.contract_address, c.standard, c.name, c.floor_price,"
            + " SUM(CAST(h.amount AS NUMERIC(100,0))), h.account_id" + NFT_FROM
            + " WHERE h.account_id = ? GROUP BY c.id, c.contract_address, c.standard, c.name, c.floor_price, h.account_id"
            + " ORDER BY c.contract_address, c.id";

    @Override
    public Page<NftCollection> collections(Tx tx, long accountId, PageRequest page) {
        long total = Sql.count(tx, "SELECT COUNT(DISTINCT t.collection_id) FROM nft_holding h"
                + " JOIN nft_token t ON t.id = h.token_ref WHERE h.account_id = ?", accountId);
        return Page.of(Sql.list(tx, COLLECTIONS + " LIMIT ? OFFSET ?", JdbcNfts::collection, accountId, page.size(),
                page.offset()), total, page);
    }

    @Override
    public List<NftCollection> allCollections(Tx tx, long accountId) {
        return Sql.list(tx, COLLECTIONS, JdbcNfts::collection, accountId);
    }

    @Override
    public List<LightTokenAccount> lightTokens(Tx tx, long accountId) {
        return Sql.list(tx, "SELECT " + LIGHT_COLUMNS + " FROM light_token_account WHERE account_id = ? ORDER BY id",
                JdbcNfts::lightToken, accountId);
    }

    @Override
    public Optional<LightTokenAccount> lightToken(Tx tx, long accountId, String mint) {
        return Sql.one(tx, "SELECT " + LIGHT_COLUMNS + " FROM light_token_account WHERE account_id = ? AND mint = ?",
                JdbcNfts::lightToken, accountId, mint);
    }

    @Override
    public long createLightToken(Tx tx, LightTokenAccount account) {
        return Sql.insert(tx, """
                INSERT INTO light_token_account (account_id, mint, ticker, account_name, associated_token_account,
                                                 creation_transaction_hash, available, pending, status, created_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", account.parentId(), account.mint(), account.ticker(),
                account.accountName(), account.associatedTokenAccount(), account.creationTransactionHash(),
                account.available(), account.pending(), account.status(), account.createdOn());
    }

    @Override
    public void setLightTokenAvailable(Tx tx, long id, BigInteger available) {
        Sql.update(tx, "UPDATE light_token_account SET available = ? WHERE id = ?", available, id);
    }

    /** An NFT as its row reads, with the id of its token row, whose properties come from a second query. */
    private record Found(Nft nft, long tokenRef) {
    }

    private static Found nft(ResultSet row) throws SQLException {
        Optional<NftMetadata> metadata = row.getString(9) == null ? Optional.empty()
                : Optional.of(partialMetadata(row, 9));
        return new Found(new Nft(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
                NftStandard.valueOf(row.getString(5)), row.getBigDecimal(6).toBigIntegerExact(), metadata,
                integer(row, 7)), row.getLong(8));
    }

    /** Adds each token's properties, read for the whole page in one query. */
    private static List<Nft> withProperties(Tx tx, List<Found> found) {
        Map<Long, List<NftMetadata.Property>> properties = properties(tx, found.stream()
                .filter(f -> f.nft().metadata().isPresent()).map(Found::tokenRef).toList());
        List<Nft> result = new ArrayList<>(found.size());
        for (Found f : found) {
            Nft nft = f.nft();
            result.add(new Nft(nft.holdingId(), nft.accountId(), nft.contractAddress(), nft.tokenId(), nft.standard(),
                    nft.amount(), nft.metadata().map(m -> new NftMetadata(m.name(), m.media(), m.mediaType(),
                    m.description(), properties.getOrDefault(f.tokenRef(), List.of()))), nft.floorPrice()));
        }
        return result;
    }

    private static Map<Long, List<NftMetadata.Property>> properties(Tx tx, List<Long> tokenRefs) {
        if (tokenRefs.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<NftMetadata.Property>> result = new HashMap<>();
        Sql.list(tx, "SELECT token_ref, prop_key, prop_value FROM nft_token_property WHERE token_ref IN ("
                        + String.join(", ", tokenRefs.stream().map(r -> "?").toList()) + ") ORDER BY token_ref, prop_index",
                row -> Map.entry(row.getLong(1), new NftMetadata.Property(row.getString(2), row.getString(3))),
                tokenRefs.toArray())
                .forEach(entry -> result.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue()));
        return result;
    }

    /** Metadata from four columns (name, media, media type, description), without its properties. */
    private static NftMetadata partialMetadata(ResultSet row, int first) throws SQLException {
        return new NftMetadata(row.getString(first), row.getString(first + 1), Optional.ofNullable(row.getString(first + 2)),
                Optional.ofNullable(row.getString(first + 3)), List.of());
    }

    private static NftCollection collection(ResultSet row) throws SQLException {
        return new NftCollection(row.getLong(6), row.getString(1), NftStandard.valueOf(row.getString(2)),
                Optional.ofNullable(row.getString(3)), row.getBigDecimal(5).toBigIntegerExact(), integer(row, 4));
    }

    private static LightTokenAccount lightToken(ResultSet row) throws SQLException {
        return new LightTokenAccount(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7), row.getBigDecimal(8).toBigIntegerExact(),
                row.getBigDecimal(9).toBigIntegerExact(), row.getString(10), Sql.instant(row, 11));
    }

    private static Optional<BigInteger> integer(ResultSet row, int column) throws SQLException {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? Optional.empty() : Optional.of(value.toBigIntegerExact());
    }
}
