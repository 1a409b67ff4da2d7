package io.coffer.label.db;

import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import io.coffer.db.Search;
import io.coffer.db.Sql;
import io.coffer.label.Label;
import io.coffer.label.LabelFilter;
import io.coffer.label.Labels;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Labels} over JDBC. */
public final class JdbcLabels implements Labels {

    private static final String COLUMNS = "l.id, l.workspace_id, l.name, l.color, l.description, l.created_by,"
            + " l.created_on, l.updated_by, l.updated_on";
    private static final Map<String, String> ORDER_COLUMNS = Map.of("created_on", "l.created_on", "id", "l.id",
            "name", "l.name");

    @Override
    public long create(Tx tx, long workspaceId, String name, String color, String description, long createdBy, Instant at) {
        return Sql.insert(tx, """
                INSERT INTO label (workspace_id, name, color, description, created_by, created_on, updated_by, updated_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", workspaceId, name, color, description, createdBy, at, createdBy, at);
    }

    @Override
    public Optional<Label> find(Tx tx, long workspaceId, long labelId) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM label l WHERE l.id = ? AND l.workspace_id = ?", JdbcLabels::map,
                labelId, workspaceId);
    }

    @Override
    public boolean nameTaken(Tx tx, long workspaceId, String name) {
        return Sql.count(tx, "SELECT COUNT(*) FROM label WHERE workspace_id = ? AND name = ?", workspaceId, name) > 0;
    }

    @Override
    public Page<Label> search(Tx tx, long workspaceId, LabelFilter filter, PageRequest page) {
        return new Search("label", "l", workspaceId)
                .and(filter.id(), "l.id = ?")
                .and(filter.name(), "l.name = ?")
                .and(filter.createdAfter(), "l.created_on > ?")
                .and(filter.createdBefore(), "l.created_on < ?")
                .page(tx, COLUMNS, ORDER_COLUMNS, page, JdbcLabels::map);
    }

    @Override
    public Map<Long, List<Label>> ofAccounts(Tx tx, Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Label>> result = new HashMap<>();
        Sql.list(tx, "SELECT al.account_id, " + COLUMNS + " FROM account_label al JOIN label l ON l.id = al.label_id"
                        + " WHERE al.account_id IN (" + String.join(", ", accountIds.stream().map(a -> "?").toList())
                        + ") ORDER BY l.id", row -> Map.entry(row.getLong(1), mapFrom(row, 2)), accountIds.toArray())
                .forEach(entry -> result.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue()));
        return result;
    }

    @Override
    public List<Label> ofTransaction(Tx tx, long transactionId) {
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM transaction_label tl JOIN label l ON l.id = tl.label_id"
                + " WHERE tl.transaction_id = ? ORDER BY l.id", JdbcLabels::map, transactionId);
    }

    @Override
    public void tagAccount(Tx tx, long accountId, long labelId) {
        if (Sql.count(tx, "SELECT COUNT(*) FROM account_label WHERE account_id = ? AND label_id = ?", accountId, labelId) == 0) {
            Sql.update(tx, "INSERT INTO account_label (account_id, label_id) VALUES (?, ?)", accountId, labelId);
        }
    }

    @Override
    public void tagTransaction(Tx tx, long transactionId, long labelId) {
        if (Sql.count(tx, "SELECT COUNT(*) FROM transaction_label WHERE transaction_id = ? AND label_id = ?", transactionId,
                labelId) == 0) {
            Sql.update(tx, "INSERT INTO transaction_label (transaction_id, label_id) VALUES (?, ?)", transactionId, labelId);
        }
    }

    private static Label map(ResultSet row) throws SQLException {
        return mapFrom(row, 1);
    }

    private static Label mapFrom(ResultSet row, int first) throws SQLException {
        return new Label(row.getLong(first), row.getLong(first + 1), row.getString(first + 2), row.getString(first + 3),
                row.getString(first + 4), row.getLong(first + 5), Sql.instant(row, first + 6), row.getLong(first + 7),
                Sql.instant(row, first + 8));
    }
}
