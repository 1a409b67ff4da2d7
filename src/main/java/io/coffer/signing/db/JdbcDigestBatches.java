package io.coffer.signing.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.common.Caller;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import io.coffer.db.Search;
import io.coffer.db.Sql;
import io.coffer.db.Visibility;
import io.coffer.signing.DigestBatch;
import io.coffer.signing.DigestBatches;
import io.coffer.signing.DigestFilter;
import io.coffer.signing.SigningNote;
import io.coffer.signing.SigningStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link DigestBatches} over JDBC; a batch's items are one JSON column, read and written whole. */
public final class JdbcDigestBatches implements DigestBatches {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String COLUMNS = "d.id, d.workspace_id, d.account_id, d.status, d.items, d.request_id,"
            + " d.created_by, d.created_on, d.note_title, d.note_content";
    private static final Map<String, String> ORDER_COLUMNS = Map.of("created_on", "d.created_on", "id", "d.id",
            "status", "d.status");

    @Override
    public long create(Tx tx, DigestBatch d) {
        return Sql.insert(tx, """
                INSERT INTO digest_batch (workspace_id, account_id, status, items, created_by, created_on, note_title,
                                          note_content)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                d.workspaceId(), d.accountId(), d.status(), write(d.items()), d.createdBy(), d.createdOn(),
                Sql.orNull(d.note().map(SigningNote::title), Sql.NULL_VARCHAR),
                Sql.orNull(d.note().map(SigningNote::content), Sql.NULL_VARCHAR));
    }

    @Override
    public Optional<DigestBatch> find(Tx tx, long workspaceId, long batchId) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM digest_batch d WHERE d.id = ? AND d.workspace_id = ?",
                JdbcDigestBatches::map, batchId, workspaceId);
    }

    @Override
    public Optional<DigestBatch> findVisible(Tx tx, Caller caller, long batchId) {
        if (caller.seesEverything()) {
            return find(tx, caller.workspaceId(), batchId);
        }
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM digest_batch d WHERE d.id = ? AND d.workspace_id = ? AND "
                + Visibility.account("d.account_id"), JdbcDigestBatches::map, batchId, caller.workspaceId(), caller.userId());
    }

    @Override
    public Page<DigestBatch> search(Tx tx, Caller caller, DigestFilter filter, PageRequest page) {
        Search search = new Search("digest_batch", "d", caller.workspaceId());
        if (!caller.seesEverything()) {
            search.and(Visibility.account("d.account_id"), caller.userId());
        }
        return search.and(filter.id(), "d.id = ?")
                .in(filter.accounts(), "d.account_id")
                .in(filter.statuses().stream().map(Enum::name).toList(), "d.status")
                .and(filter.createdAfter(), "d.created_on > ?")
                .and(filter.createdBefore(), "d.created_on < ?")
                .page(tx, COLUMNS, ORDER_COLUMNS, page, JdbcDigestBatches::map);
    }

    @Override
    public void setRequest(Tx tx, long batchId, long requestId) {
        Sql.update(tx, "UPDATE digest_batch SET request_id = ? WHERE id = ?", requestId, batchId);
    }

    @Override
    public void update(Tx tx, DigestBatch d) {
        Sql.update(tx, "UPDATE digest_batch SET status = ?, items = ? WHERE id = ?", d.status(), write(d.items()), d.id());
    }

    private static String write(List<DigestBatch.Item> items) {
        ArrayNode array = MAPPER.createArrayNode();
        for (DigestBatch.Item item : items) {
            ObjectNode node = array.addObject().put("digest", item.digest()).put("path", item.path());
            item.signed().ifPresent(signed -> {
                node.put("pub_key", signed.publicKey()).put("r", signed.r().toString()).put("s", signed.s().toString());
                signed.v().ifPresent(v -> node.put("v", v));
                signed.der().ifPresent(der -> node.put("der", der));
            });
        }
        return array.toString();
    }

    private static List<DigestBatch.Item> read(String json) {
        try {
            List<DigestBatch.Item> items = new ArrayList<>();
            for (JsonNode node : MAPPER.readTree(json)) {
                Optional<DigestBatch.Signed> signed = node.has("pub_key") ? Optional.of(new DigestBatch.Signed(
                        node.get("pub_key").asText(), new BigInteger(node.get("r").asText()),
                        new BigInteger(node.get("s").asText()),
                        node.has("v") ? Optional.of(node.get("v").asInt()) : Optional.empty(),
                        node.has("der") ? Optional.of(node.get("der").asText()) : Optional.empty())) : Optional.empty();
                items.add(new DigestBatch.Item(node.get("digest").asText(), node.get("path").asText(), signed));
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable digest items", e);
        }
    }

    private static DigestBatch map(ResultSet row) throws SQLException {
        String title = row.getString(9);
        return new DigestBatch(row.getLong(1), row.getLong(2), row.getLong(3), SigningStatus.valueOf(row.getString(4)),
                read(row.getString(5)), Sql.optionalLong(row, 6).orElse(0L), row.getLong(7), Sql.instant(row, 8),
                title == null ? Optional.empty() : Optional.of(new SigningNote(title, row.getString(10))));
    }
}
