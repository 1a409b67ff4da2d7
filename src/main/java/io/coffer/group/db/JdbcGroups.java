package io.coffer.group.db;

import io.coffer.common.Caller;
import io.coffer.common.ObjectStatus;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import io.coffer.db.Search;
import io.coffer.db.Sql;
import io.coffer.db.Visibility;
import io.coffer.group.Group;
import io.coffer.group.GroupFilter;
import io.coffer.group.Groups;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Groups} over JDBC. */
public final class JdbcGroups implements Groups {

    private static final String COLUMNS = "g.id, g.workspace_id, g.name, g.description, g.status, g.created_by,"
            + " g.created_on, g.last_request";
    private static final Map<String, String> ORDER_COLUMNS = Map.of("created_on", "g.created_on", "id", "g.id",
            "name", "g.name", "status", "g.status");

    @Override
    public long create(Tx tx, long workspaceId, String name, String description, List<Long> members, ObjectStatus status,
                       long createdBy, Instant createdOn) {
        long id = Sql.insert(tx, """
                INSERT INTO user_group (workspace_id, name, description, status, created_by, created_on)
                VALUES (?, ?, ?, ?, ?, ?)""", workspaceId, name, description, status, createdBy, createdOn);
        saveMembers(tx, id, members);
        return id;
    }

    @Override
    public Optional<Group> find(Tx tx, long workspaceId, long groupId) {
        return withMembers(tx, Sql.list(tx, "SELECT " + COLUMNS + " FROM user_group g WHERE g.id = ? AND g.workspace_id = ?",
                JdbcGroups::map, groupId, workspaceId)).stream().findFirst();
    }

    @Override
    public Optional<Group> findVisible(Tx tx, Caller caller, long groupId) {
        if (caller.seesEverything()) {
            return find(tx, caller.workspaceId(), groupId);
        }
        return withMembers(tx, Sql.list(tx, "SELECT " + COLUMNS + " FROM user_group g WHERE g.id = ? AND g.workspace_id = ?"
                + " AND (" + Visibility.group("g.id") + ")", JdbcGroups::map, groupId, caller.workspaceId(),
                caller.userId(), caller.userId())).stream().findFirst();
    }

    @Override
    public Page<Group> search(Tx tx, Caller caller, GroupFilter filter, PageRequest page) {
        Search search = new Search("user_group", "g", caller.workspaceId());
        if (!caller.seesEverything()) {
            search.and(Visibility.group("g.id"), caller.userId(), caller.userId());
        }
        search.and(filter.id(), "g.id = ?")
                .and(filter.name(), "g.name = ?")
                .and(filter.description(), "g.description = ?")
                .in(filter.statuses().stream().map(Enum::name).toList(), "g.status")
                .and(filter.createdAfter(), "g.created_on > ?")
                .and(filter.createdBefore(), "g.created_on < ?");
        if (!filter.members().isEmpty()) {
            search.and("EXISTS (SELECT 1 FROM group_member fm WHERE fm.group_id = g.id AND fm.user_id IN ("
                    + String.join(", ", filter.members().stream().map(m -> "?").toList()) + "))", filter.members().toArray());
        }
        Page<Group> found = search.page(tx, COLUMNS, ORDER_COLUMNS, page, JdbcGroups::map);
        return new Page<>(withMembers(tx, found.items()), found.total(), found.hasNext());
    }

    @Override
    public void update(Tx tx, long groupId, String name, String description, List<Long> members) {
        Sql.update(tx, "UPDATE user_group SET name = ?, description = ? WHERE id = ?", name, description, groupId);
        Sql.update(tx, "DELETE FROM group_member WHERE group_id = ?", groupId);
        saveMembers(tx, groupId, members);
    }

    @Override
    public void setStatus(Tx tx, long groupId, ObjectStatus status) {
        Sql.update(tx, "UPDATE user_group SET status = ? WHERE id = ?", status, groupId);
    }

    @Override
    public void setLastRequest(Tx tx, long groupId, long requestId) {
        Sql.update(tx, "UPDATE user_group SET last_request = ? WHERE id = ?", requestId, groupId);
    }

    @Override
    public List<Long> accountsUsing(Tx tx, long groupId) {
        return Sql.list(tx, "SELECT account_id FROM account_group WHERE group_id = ? ORDER BY account_id",
                row -> row.getLong(1), groupId);
    }

    @Override
    public boolean nameTaken(Tx tx, long workspaceId, String name, long exceptGroupId) {
        return Sql.count(tx, "SELECT COUNT(*) FROM user_group WHERE workspace_id = ? AND name = ? AND id <> ?"
                + " AND status IN ('ACTIVE', 'PENDING')", workspaceId, name, exceptGroupId) > 0;
    }

    private static void saveMembers(Tx tx, long groupId, List<Long> members) {
        for (Long user : members.stream().distinct().toList()) {
            Sql.update(tx, "INSERT INTO group_member (group_id, user_id) VALUES (?, ?)", groupId, user);
        }
    }

    private static List<Group> withMembers(Tx tx, List<Group> groups) {
        if (groups.isEmpty()) {
            return groups;
        }
        Map<Long, List<Long>> members = new HashMap<>();
        String placeholders = String.join(", ", groups.stream().map(g -> "?").toList());
        Sql.list(tx, "SELECT group_id, user_id FROM group_member WHERE group_id IN (" + placeholders + ") ORDER BY user_id",
                row -> Map.entry(row.getLong(1), row.getLong(2)), groups.stream().map(Group::id).toArray())
                .forEach(entry -> members.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue()));
        return groups.stream().map(g -> new Group(g.id(), g.workspaceId(), g.name(), g.description(), g.status(),
                members.getOrDefault(g.id(), List.of()), g.createdBy(), g.createdOn(), g.lastRequest())).toList();
    }

    private static Group map(ResultSet row) throws SQLException {
        return new Group(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
                ObjectStatus.valueOf(row.getString(5)), List.of(), row.getLong(6), Sql.instant(row, 7),
                Sql.optionalLong(row, 8));
    }
}
