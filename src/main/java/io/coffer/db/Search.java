package io.coffer.db;

import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A search over one table: conditions added one by one with their parameters, then counted and read
 * one page at a time in a stable order (the chosen column, then id).
 */
public final class Search {

    private final StringBuilder where;
    private final List<Object> params = new ArrayList<>();
    private final String alias;

    /** A search of {@code table alias} within one workspace. */
    public Search(String table, String alias, long workspaceId) {
        this.alias = alias;
        this.where = new StringBuilder(" FROM " + table + " " + alias + " WHERE " + alias + ".workspace_id = ?");
        params.add(workspaceId);
    }

    /** Adds a condition with its parameters. */
    public Search and(String condition, Object... values) {
        where.append(" AND (").append(condition).append(')');
        params.addAll(List.of(values));
        return this;
    }

    public <T> Search and(Optional<T> value, String condition) {
        value.ifPresent(v -> and(condition, v));
        return this;
    }

    /** {@code column IN (...)} for a non-empty list; nothing for an empty one. */
    public Search in(List<?> values, String column) {
        if (!values.isEmpty()) {
            and(column + " IN (" + String.join(", ", values.stream().map(v -> "?").toList()) + ")", values.toArray());
        }
        return this;
    }

    /** Counts the matches and reads one page of them. */
    public <T> Page<T> page(Tx tx, String columns, Map<String, String> orderColumns, PageRequest page, Sql.RowMapper<T> mapper) {
        long total = Sql.count(tx, "SELECT COUNT(*)" + where, params.toArray());
        if (page.offset() >= total) {
            return Page.of(List.of(), total, page);
        }
        String direction = page.ascending() ? " ASC" : " DESC";
        String order = " ORDER BY " + orderColumns.get(page.orderBy()) + direction + ", " + alias + ".id" + direction;
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        return Page.of(Sql.list(tx, "SELECT " + columns + where + order + " LIMIT ? OFFSET ?", mapper, pageParams.toArray()),
                total, page);
    }
}
