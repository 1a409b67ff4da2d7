package io.coffer.whitelist.db;

import io.coffer.common.Caller;
import io.coffer.common.ObjectStatus;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import io.coffer.db.Search;
import io.coffer.db.Sql;
import io.coffer.db.Visibility;
import io.coffer.whitelist.Whitelist;
import io.coffer.whitelist.WhitelistAddress;
import io.coffer.whitelist.WhitelistFilter;
import io.coffer.whitelist.Whitelists;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link Whitelists} over JDBC; destination tags are stored comma-separated. */
public final class JdbcWhitelists implements Whitelists {

    private static final String COLUMNS = "w.id, w.workspace_id, w.name, w.description, w.status, w.created_by,"
            + " w.created_on, w.last_request";
    private static final Map<String, String> ORDER_COLUMNS = Map.of("created_on", "w.created_on", "id", "w.id",
            "name", "w.name", "status", "w.status");

    @Override
    public long create(Tx tx, long workspaceId, String name, Optional<String> description, List<WhitelistAddress> addresses,
                       ObjectStatus status, long createdBy, Instant createdOn) {
        long id = Sql.insert(tx, """
                INSERT INTO whitelist (workspace_id, name, description, status, created_by, created_on)
                VALUES (?, ?, ?, ?, ?, ?)""", workspaceId, name, Sql.orNull(description, Sql.NULL_VARCHAR), status,
                createdBy, createdOn);
        saveAddresses(tx, id, addresses);
        return id;
    }

    @Override
    public Optional<Whitelist> find(Tx tx, long workspaceId, long whitelistId) {
        return withAddresses(tx, Sql.list(tx, "SELECT " + COLUMNS + " FROM whitelist w WHERE w.id = ? AND w.workspace_id = ?",
                JdbcWhitelists::map, whitelistId, workspaceId)).stream().findFirst();
    }

    @Override
    public Optional<Whitelist> findVisible(Tx tx, Caller caller, long whitelistId) {
        if (caller.seesEverything()) {
            return find(tx, caller.workspaceId(), whitelistId);
        }
        return withAddresses(tx, Sql.list(tx, "SELECT " + COLUMNS + " FROM whitelist w WHERE w.id = ? AND w.workspace_id = ?"
                + " AND (" + Visibility.whitelist("w.id") + ")", JdbcWhitelists::map, whitelistId, caller.workspaceId(),
                caller.userId())).stream().findFirst();
    }

    @Override
    public List<Whitelist> findAll(Tx tx, long workspaceId, List<Long> whitelistIds) {
        if (whitelistIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(whitelistIds);
        params.add(workspaceId);
        return withAddresses(tx, Sql.list(tx, "SELECT " + COLUMNS + " FROM whitelist w WHERE w.id IN ("
                + String.join(", ", whitelistIds.stream().map(id -> "?").toList()) + ") AND w.workspace_id = ? ORDER BY w.id",
                JdbcWhitelists::map, params.toArray()));
    }

    @Override
    public Page<Whitelist> search(Tx tx, Caller caller, WhitelistFilter filter, PageRequest page) {
        Search search = new Search("whitelist", "w", caller.workspaceId());
        if (!caller.seesEverything()) {
            search.and(Visibility.whitelist("w.id"), caller.userId());
        }
        search.and(filter.id(), "w.id = ?")
                .and(filter.name(), "w.name = ?")
                .and(filter.description(), "w.description = ?")
                .and(filter.address(), "EXISTS (SELECT 1 FROM whitelist_address fa WHERE fa.whitelist_id = w.id"
                        + " AND fa.active = TRUE AND LOWER(fa.address) = LOWER(?))")
                .in(filter.statuses().stream().map(Enum::name).toList(), "w.status")
                .and(filter.createdAfter(), "w.created_on > ?")
                .and(filter.createdBefore(), "w.created_on < ?");
        if (!filter.accounts().isEmpty()) {
            String in = " IN (" + String.join(", ", filter.accounts().stream().map(a -> "?").toList()) + ")";
            if (caller.seesEverything()) {
                search.and("EXISTS (SELECT 1 FROM account_whitelist fw WHERE fw.whitelist_id = w.id AND fw.account_id" + in + ")",
                        filter.accounts().toArray());
            } else {
                // Only accounts the caller sees count, so a hidden account's whitelists are not revealed.
                java.util.List<Object> params = new java.util.ArrayList<>(filter.accounts());
                params.add(caller.userId());
                search.and("EXISTS (SELECT 1 FROM account_whitelist fw JOIN account_member fm ON fm.account_id = fw.account_id"
                        + " WHERE fw.whitelist_id = w.id AND fw.account_id" + in + " AND fm.user_id = ?)", params.toArray());
            }
        }
        Page<Whitelist> found = search.page(tx, COLUMNS, ORDER_COLUMNS, page, JdbcWhitelists::map);
        return new Page<>(withAddresses(tx, found.items()), found.total(), found.hasNext());
    }

    @Override
    public void update(Tx tx, long whitelistId, String name, Optional<String> description, List<WhitelistAddress> addresses) {
        Sql.update(tx, "UPDATE whitelist SET name = ?, description = ? WHERE id = ?", name,
                Sql.orNull(description, Sql.NULL_VARCHAR), whitelistId);
        Sql.update(tx, "UPDATE whitelist_address SET active = FALSE WHERE whitelist_id = ?", whitelistId);
        saveAddresses(tx, whitelistId, addresses);
    }

    @Override
    public void setStatus(Tx tx, long whitelistId, ObjectStatus status) {
        Sql.update(tx, "UPDATE whitelist SET status = ? WHERE id = ?", status, whitelistId);
    }

    @Override
    public void setLastRequest(Tx tx, long whitelistId, long requestId) {
        Sql.update(tx, "UPDATE whitelist SET last_request = ? WHERE id = ?", requestId, whitelistId);
    }

    @Override
    public boolean nameTaken(Tx tx, long workspaceId, String name, long exceptWhitelistId) {
        return Sql.count(tx, "SELECT COUNT(*) FROM whitelist WHERE workspace_id = ? AND name = ? AND id <> ?"
                + " AND status IN ('ACTIVE', 'PENDING')", workspaceId, name, exceptWhitelistId) > 0;
    }

    private static void saveAddresses(Tx tx, long whitelistId, List<WhitelistAddress> addresses) {
        for (int i = 0; i < addresses.size(); i++) {
            WhitelistAddress entry = addresses.get(i);
            Sql.insert(tx, """
                    INSERT INTO whitelist_address (whitelist_id, position, name, currency, address, destination_tags)
                    VALUES (?, ?, ?, ?, ?, ?)""", whitelistId, i, entry.name(), entry.currency(), entry.address(),
                    entry.destinationTags().isEmpty() ? Sql.NULL_VARCHAR
                            : entry.destinationTags().stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
    }

    private static List<Whitelist> withAddresses(Tx tx, List<Whitelist> lists) {
        if (lists.isEmpty()) {
            return lists;
        }
        Map<Long, List<WhitelistAddress>> addresses = new HashMap<>();
        Sql.list(tx, "SELECT whitelist_id, id, name, currency, address, destination_tags FROM whitelist_address"
                        + " WHERE active = TRUE AND whitelist_id IN (" + String.join(", ", lists.stream().map(l -> "?").toList())
                        + ") ORDER BY whitelist_id, position",
                row -> Map.entry(row.getLong(1), new WhitelistAddress(row.getLong(2), row.getString(3), row.getString(4),
                        row.getString(5), tags(row.getString(6)))), lists.stream().map(Whitelist::id).toArray())
                .forEach(entry -> addresses.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue()));
        return lists.stream().map(w -> new Whitelist(w.id(), w.workspaceId(), w.name(), w.description(), w.status(),
                addresses.getOrDefault(w.id(), List.of()), w.createdBy(), w.createdOn(), w.lastRequest())).toList();
    }

    private static List<Long> tags(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : Arrays.stream(stored.split(",")).map(Long::parseLong).toList();
    }

    private static Whitelist map(ResultSet row) throws SQLException {
        return new Whitelist(row.getLong(1), row.getLong(2), row.getString(3), Optional.ofNullable(row.getString(4)),
                ObjectStatus.valueOf(row.getString(5)), List.of(), row.getLong(6), Sql.instant(row, 7),
                Sql.optionalLong(row, 8));
    }
}
