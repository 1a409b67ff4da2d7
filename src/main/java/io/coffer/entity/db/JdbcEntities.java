package io.coffer.entity.db;

import io.coffer.common.Caller;
import io.coffer.common.ObjectStatus;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import io.coffer.db.Search;
import io.coffer.db.Sql;
import io.coffer.db.Visibility;
import io.coffer.entity.Entities;
import io.coffer.entity.Entity;
import io.coffer.entity.EntityFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Entities} over JDBC; ownership is the account's {@code entity_id}. */
public final class JdbcEntities implements Entities {

    private static final String COLUMNS = "e.id, e.workspace_id, e.name, e.status, e.created_by, e.created_on, e.last_request";
    private static final Map<String, String> ORDER_COLUMNS = Map.of("created_on", "e.created_on", "id", "e.id",
            "name", "e.name", "status", "e.status");

    @Override
    public long create(Tx tx, long workspaceId, String name, ObjectStatus status, long createdBy, Instant createdOn) {
        return Sql.insert(tx, "INSERT INTO entity (workspace_id, name, status, created_by, created_on) VALUES (?, ?, ?, ?, ?)",
                workspaceId, name, status, createdBy, createdOn);
    }

    @Override
    public Optional<Entity> find(Tx tx, long workspaceId, long entityId) {
        return withAccounts(tx, Sql.list(tx, "SELECT " + COLUMNS + " FROM entity e WHERE e.id = ? AND e.workspace_id = ?",
                JdbcEntities::map, entityId, workspaceId)).stream().findFirst();
    }

    @Override
    public Optional<Entity> findVisible(Tx tx, Caller caller, long entityId) {
        if (caller.seesEverything()) {
            return find(tx, caller.workspaceId(), entityId);
        }
        return withAccounts(tx, Sql.list(tx, "SELECT " + COLUMNS + " FROM entity e WHERE e.id = ? AND e.workspace_id = ?"
                + " AND (" + Visibility.entity("e.id") + ")", JdbcEntities::map, entityId, caller.workspaceId(),
                caller.userId(), caller.userId())).stream().findFirst();
    }

    @Override
    public Page<Entity> search(Tx tx, Caller caller, EntityFilter filter, PageRequest page) {
        Search search = new Search("entity", "e", caller.workspaceId());
        if (!caller.seesEverything()) {
            search.and(Visibility.entity("e.id"), caller.userId(), caller.userId());
        }
        search.and(filter.id(), "e.id = ?")
                .and(filter.name(), "e.name = ?")
                .in(filter.statuses().stream().map(Enum::name).toList(), "e.status")
                .and(filter.createdAfter(), "e.created_on > ?")
                .and(filter.createdBefore(), "e.created_on < ?");
        if (!filter.accounts().isEmpty()) {
            search.and("EXISTS (SELECT 1 FROM account fa WHERE fa.entity_id = e.id AND fa.id IN ("
                    + String.join(", ", filter.accounts().stream().map(a -> "?").toList()) + "))", filter.accounts().toArray());
        }
        Page<Entity> found = search.page(tx, COLUMNS, ORDER_COLUMNS, page, JdbcEntities::map);
        return new Page<>(withAccounts(tx, found.items()), found.total(), found.hasNext());
    }

    @Override
    public void rename(Tx tx, long entityId, String name) {
        Sql.update(tx, "UPDATE entity SET name = ? WHERE id = ?", name, entityId);
    }

    @Override
    public void assignAccounts(Tx tx, long entityId, List<Long> accountIds) {
        Sql.update(tx, "UPDATE account SET entity_id = NULL WHERE entity_id = ?", entityId);
        for (Long account : accountIds) {
            Sql.update(tx, "UPDATE account SET entity_id = ? WHERE id = ?", entityId, account);
        }
    }

    @Override
    public void setStatus(Tx tx, long entityId, ObjectStatus status) {
        Sql.update(tx, "UPDATE entity SET status = ? WHERE id = ?", status, entityId);
    }

    @Override
    public void setLastRequest(Tx tx, long entityId, long requestId) {
        Sql.update(tx, "UPDATE entity SET last_request = ? WHERE id = ?", requestId, entityId);
    }

    @Override
    public List<Long> ownedElsewhere(Tx tx, List<Long> accountIds, long entityId) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(accountIds);
        params.add(entityId);
        return Sql.list(tx, "SELECT id FROM account WHERE id IN (" + String.join(", ", accountIds.stream().map(a -> "?").toList())
                + ") AND entity_id IS NOT NULL AND entity_id <> ? ORDER BY id", row -> row.getLong(1), params.toArray());
    }

    @Override
    public boolean nameTaken(Tx tx, long workspaceId, String name, long exceptEntityId) {
        return Sql.count(tx, "SELECT COUNT(*) FROM entity WHERE workspace_id = ? AND name = ? AND id <> ?"
                + " AND status IN ('ACTIVE', 'PENDING')", workspaceId, name, exceptEntityId) > 0;
    }

    @Override
    public List<Long> operators(Tx tx, long entityId) {
        return Sql.list(tx, """
                SELECT DISTINCT g.user_id FROM account a JOIN account_governor g ON g.account_id = a.id
                JOIN api_user u ON u.id = g.user_id
                WHERE a.entity_id = ? AND u.role = 'OPERATOR' ORDER BY g.user_id""", row -> row.getLong(1), entityId);
    }

    private static List<Entity> withAccounts(Tx tx, List<Entity> entities) {
        if (entities.isEmpty()) {
            return entities;
        }
        Map<Long, List<Long>> accounts = new HashMap<>();
        Sql.list(tx, "SELECT entity_id, id FROM account WHERE entity_id IN ("
                        + String.join(", ", entities.stream().map(e -> "?").toList()) + ") ORDER BY id",
                row -> Map.entry(row.getLong(1), row.getLong(2)), entities.stream().map(Entity::id).toArray())
                .forEach(entry -> accounts.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue()));
        return entities.stream().map(e -> new Entity(e.id(), e.workspaceId(), e.name(), e.status(),
                accounts.getOrDefault(e.id(), List.of()), e.createdBy(), e.createdOn(), e.lastRequest())).toList();
    }

    private static Entity map(ResultSet row) throws SQLException {
        return new Entity(row.getLong(1), row.getLong(2), row.getString(3), ObjectStatus.valueOf(row.getString(4)),
                List.of(), row.getLong(5), Sql.instant(row, 6), Sql.optionalLong(row, 7));
    }
}
