package io.coffer.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.Engine;
import io.coffer.testing.Governed;
import io.coffer.testing.Governed.Approver;
import io.coffer.testing.Sandbox;
import io.coffer.testing.TestServer;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Workspaces are the shard key (docs/scaling.md): every table but the global ones belongs to a
 * workspace through a {@code workspace_id} column or its foreign keys, and on a database where two
 * workspaces ran governed sends, no foreign key links rows of two workspaces.
 */
class WorkspaceShardKeyTest {

    /** Tables that belong to no workspace, on purpose. */
    private static final Set<String> GLOBAL = Set.of("workspace", "master_key_probe", "flyway_schema_history");

    private record ForeignKey(String table, String column, String parent, String parentColumn) {
    }

    /** How a row of a table reaches its workspace: the joins to add and the column that holds it. */
    private record Path(List<String> joins, String workspace) {
    }

    @Test
    void everyTableButTheGlobalOnesBelongsToAWorkspaceAndNoForeignKeyCrossesWorkspaces() throws Exception {
        try (TestServer server = TestServer.start(Engine.POSTGRES)) {
            seed(server);
            seed(server);
            String url = server.env().get("COFFER_DB_URL");
            try (Connection db = DriverManager.getConnection(url, Engine.POSTGRES.user(), Engine.POSTGRES.password())) {
                Set<String> tables = tables(db);
                Set<String> withWorkspaceColumn = withWorkspaceColumn(db);
                List<ForeignKey> keys = foreignKeys(db);

                Map<String, String> unowned = new TreeMap<>();
                for (String table : tables) {
                    if (!GLOBAL.contains(table) && path(table, "t", withWorkspaceColumn, keys, new TreeSet<>()).isEmpty()) {
                        unowned.put(table, "reaches no workspace");
                    }
                }
                assertThat(unowned).as("tables that belong to no workspace").isEmpty();

                Map<String, Long> crossing = new TreeMap<>();
                Set<String> linksWithRows = new TreeSet<>();
                for (ForeignKey key : keys) {
                    if (GLOBAL.contains(key.table()) || GLOBAL.contains(key.parent())) {
                        continue;
                    }
                    Path child = path(key.table(), "c", withWorkspaceColumn, keys, new TreeSet<>()).orElseThrow();
                    Path parent = path(key.parent(), "p", withWorkspaceColumn, keys, new TreeSet<>()).orElseThrow();
                    String from = " FROM " + key.table() + " c JOIN " + key.parent() + " p ON p." + key.parentColumn()
                            + " = c." + key.column() + " " + String.join(" ", child.joins()) + " "
                            + String.join(" ", parent.joins());
                    long linked = count(db, "SELECT COUNT(*)" + from);
                    if (linked > 0) {
                        linksWithRows.add(key.table() + "." + key.column());
                    }
                    long across = count(db, "SELECT COUNT(*)" + from + " WHERE " + child.workspace() + " <> "
                            + parent.workspace());
                    if (across > 0) {
                        crossing.put(key.table() + "." + key.column() + " -> " + key.parent(), across);
                    }
                }
                assertThat(crossing).as("foreign keys linking rows of two workspaces").isEmpty();
                // The check looked at real links, among them the ones that join two parents.
                assertThat(linksWithRows).contains("account_member.user_id", "account_member.account_id",
                        "request_vote.user_id", "request_vote.request_id", "request_challenge.user_id",
                        "governance_rule.rule_set_id", "ledger_entry.account_id", "txn.account_id", "utxo.account_id");
            }
        }
    }

    /** A workspace with an admin and an operator, a funded Ethereum account both govern, a settled send, a Bitcoin deposit. */
    private static void seed(TestServer server) {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        Approver operator = Governed.operator(server, ws[0], admin.client());
        JsonNode account = Governed.account(admin.client(), "ethereum",
                List.of(Governed.step(1, admin), Governed.step(1, operator)));
        Sandbox.deposit(admin.client(), account.path("id").asLong(), BigInteger.TEN.pow(18).toString());
        Sandbox.mine(admin.client(), "ethereum", 12);
        long request = admin.client().post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "1000000",
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                BigInteger.valueOf(21_000).multiply(BigInteger.valueOf(41_500_000_000L)).toString(),
                Governed.speed("NORMAL"))).id();
        assertThat(Governed.approve(admin, request).status()).isEqualTo(200);
        assertThat(Governed.approve(operator, request).status()).isEqualTo(200);
        Sandbox.mine(admin.client(), "ethereum", 24);
        long bitcoin = Sandbox.account(admin.client(), "bitcoin").path("id").asLong();
        Sandbox.deposit(admin.client(), bitcoin, "150000");
        Sandbox.mine(admin.client(), "bitcoin", 6);
    }

    /**
     * The joins from alias {@code alias} of a table to its workspace id, following a {@code
     * workspace_id} column when the table has one, else its first foreign key (by column name) to a
     * table that reaches a workspace.
     */
    private static Optional<Path> path(String table, String alias, Set<String> withWorkspaceColumn,
                                       List<ForeignKey> keys, Set<String> visiting) {
        if (table.equals("workspace")) {
            return Optional.of(new Path(List.of(), alias + ".id"));
        }
        if (withWorkspaceColumn.contains(table)) {
            return Optional.of(new Path(List.of(), alias + ".workspace_id"));
        }
        if (!visiting.add(table)) {
            return Optional.empty();
        }
        List<ForeignKey> own = keys.stream().filter(key -> key.table().equals(table))
                .sorted(java.util.Comparator.comparing(ForeignKey::column)).toList();
        for (ForeignKey key : own) {
            String next = alias + "_" + key.column();
            Optional<Path> rest = path(key.parent(), next, withWorkspaceColumn, keys, visiting);
            if (rest.isPresent()) {
                List<String> joins = new ArrayList<>();
                joins.add("JOIN " + key.parent() + " " + next + " ON " + next + "." + key.parentColumn() + " = " + alias
                        + "." + key.column());
                joins.addAll(rest.get().joins());
                return Optional.of(new Path(joins, rest.get().workspace()));
            }
        }
        return Optional.empty();
    }

    private static Set<String> tables(Connection db) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static Set<String> withWorkspaceColumn(Connection db) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.columns"
                     + " WHERE table_schema = 'public' AND column_name = 'workspace_id'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** Every single-column foreign key of the schema (Coffer's are all single-column). */
    private static List<ForeignKey> foreignKeys(Connection db) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT child.relname, a.attname, parent.relname, pa.attname, c.conname
                     FROM pg_constraint c
                     JOIN pg_class child ON child.oid = c.conrelid
                     JOIN pg_class parent ON parent.oid = c.confrelid
                     JOIN pg_namespace n ON n.oid = child.relnamespace
                     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                     JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
                     WHERE c.contype = 'f' AND n.nspname = 'public' AND array_length(c.conkey, 1) = 1""")) {
            while (rows.next()) {
                keys.add(new ForeignKey(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        }
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM pg_constraint c JOIN pg_namespace n"
                     + " ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'"
                     + " AND array_length(c.conkey, 1) <> 1")) {
            rows.next();
            assertThat(rows.getLong(1)).as("multi-column foreign keys (this check follows single-column ones)")
                    .isZero();
        }
        assertThat(keys).isNotEmpty();
        return keys;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
