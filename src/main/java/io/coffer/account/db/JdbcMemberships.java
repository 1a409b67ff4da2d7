package io.coffer.account.db;

import io.coffer.account.Memberships;
import io.coffer.common.Tx;
import io.coffer.db.Sql;
import io.coffer.governance.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link Memberships} over JDBC: reads a workspace's rules, active groups, active entities and
 * reporting keys, and rewrites {@code account_governor}, {@code account_group},
 * {@code account_whitelist} and {@code account_member} for its accounts. Administrative changes are
 * rare and a workspace's accounts few enough that a full recomputation is both simplest and cheap;
 * reads then need a single indexed lookup.
 */
public final class JdbcMemberships implements Memberships {

    private static final int ROWS_PER_INSERT = 200;

    @Override
    public void refresh(Tx tx, long workspaceId) {
        Sql.one(tx, "SELECT id FROM workspace WHERE id = ? FOR UPDATE", row -> row.getLong(1), workspaceId);
        Map<Long, Long> entityOf = new TreeMap<>();
        Sql.list(tx, """
                SELECT a.id, e.id FROM account a LEFT JOIN entity e ON e.id = a.entity_id AND e.status = 'ACTIVE'
                WHERE a.workspace_id = ?""", row -> {
            long entity = row.getLong(2);
            Long owner = row.wasNull() ? null : entity;
            entityOf.put(row.getLong(1), owner);
            return null;
        }, workspaceId);
        Map<Long, Set<Long>> groupMembers = new HashMap<>();
        Sql.list(tx, """
                SELECT m.group_id, m.user_id FROM group_member m JOIN user_group g ON g.id = m.group_id
                WHERE g.workspace_id = ? AND g.status = 'ACTIVE'""", row -> groupMembers
                .computeIfAbsent(row.getLong(1), k -> new TreeSet<>()).add(row.getLong(2)), workspaceId);
        Map<Long, Set<Long>> governors = new TreeMap<>();
        Map<Long, Set<Long>> groups = new TreeMap<>();
        Map<Long, Set<Long>> whitelists = new TreeMap<>();
        Sql.list(tx, """
                SELECT s.account_id, r.id, r.rule_type, r.data FROM governance_rule r
                JOIN governance_rule_set s ON s.id = r.rule_set_id JOIN account a ON a.id = s.account_id
                WHERE a.workspace_id = ? AND s.active = TRUE AND a.status IN ('ACTIVE', 'PENDING')""", row -> {
            long account = row.getLong(1);
            switch (RuleJson.read(row.getLong(2), row.getString(3), row.getString(4))) {
                case Rule.MultiAuthorizations multi -> multi.steps().forEach(step -> {
                    switch (step) {
                        case Rule.UsersStep users -> governors.computeIfAbsent(account, k -> new TreeSet<>()).addAll(users.users());
                        case Rule.GroupStep group -> {
                            groups.computeIfAbsent(account, k -> new TreeSet<>()).add(group.groupId());
                            governors.computeIfAbsent(account, k -> new TreeSet<>())
                                    .addAll(groupMembers.getOrDefault(group.groupId(), Set.of()));
                        }
                    }
                });
                case Rule.Whitelist list -> whitelists.computeIfAbsent(account, k -> new TreeSet<>()).addAll(list.whitelistIds());
                case Rule.Threshold threshold -> {
                }
            }
            return null;
        }, workspaceId);
        Map<Long, Set<Long>> entityViewers = new HashMap<>();
        governors.forEach((account, users) -> {
            Long entity = entityOf.get(account);
            if (entity != null) {
                entityViewers.computeIfAbsent(entity, k -> new TreeSet<>()).addAll(users);
            }
        });
        Sql.list(tx, """
                SELECT k.user_id, k.entity_id FROM reporting_key_entity k JOIN api_user u ON u.id = k.user_id
                WHERE u.workspace_id = ?""", row -> entityViewers
                .computeIfAbsent(row.getLong(2), k -> new TreeSet<>()).add(row.getLong(1)), workspaceId);
        Map<Long, Set<Long>> viewers = new TreeMap<>();
        entityOf.forEach((account, entity) -> {
            Set<Long> seeing = new TreeSet<>(governors.getOrDefault(account, Set.of()));
            if (entity != null) {
                seeing.addAll(entityViewers.getOrDefault(entity, Set.of()));
            }
            viewers.put(account, seeing);
        });
        for (String table : List.of("account_governor", "account_group", "account_whitelist", "account_member")) {
            Sql.update(tx, "DELETE FROM " + table + " WHERE account_id IN (SELECT id FROM account WHERE workspace_id = ?)",
                    workspaceId);
        }
        insertPairs(tx, "account_governor", "user_id", governors);
        insertPairs(tx, "account_group", "group_id", groups);
        insertPairs(tx, "account_whitelist", "whitelist_id", whitelists);
        insertPairs(tx, "account_member", "user_id", viewers);
    }

    private static void insertPairs(Tx tx, String table, String column, Map<Long, Set<Long>> pairs) {
        List<Object> params = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<Long, Set<Long>> entry : pairs.entrySet()) {
            for (Long value : entry.getValue()) {
                if (seen.add(entry.getKey() + ":" + value)) {
                    params.add(entry.getKey());
                    params.add(value);
                }
                if (params.size() == 2 * ROWS_PER_INSERT) {
                    insert(tx, table, column, params);
                    params.clear();
                }
            }
        }
        if (!params.isEmpty()) {
            insert(tx, table, column, params);
        }
    }

    private static void insert(Tx tx, String table, String column, List<Object> params) {
        String rows = String.join(", ", java.util.Collections.nCopies(params.size() / 2, "(?, ?)"));
        Sql.update(tx, "INSERT INTO " + table + " (account_id, " + column + ") VALUES " + rows, params.toArray());
    }
}
