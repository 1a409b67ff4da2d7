package io.coffer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The books checked straight in the database, for the crash and multi-instance tests: every cached
 * balance equals the sum of its entries, every posting balances, no transaction is settled, received
 * or released twice, no reservation outlives its transaction or vanishes before it ends, no block
 * height has two hashes, no request expired twice, no nonce was signed twice, and every
 * acknowledged write is stored. Each check is a query that finds the rows breaking it.
 */
public final class LedgerInvariants {

    /** Transaction statuses under which a send's reservation must still be held. */
    private static final String OPEN_SEND = "('PENDING_APPROVAL', 'APPROVED', 'SIGNED', 'SUBMITTED', 'PENDING_CREATE_IN_HSM')";

    private static final List<String[]> CHECKS = List.of(
            new String[] {"a cached balance differs from the sum of its entries", """
                    SELECT a.id FROM account a LEFT JOIN account_balance b ON b.account_id = a.id
                    WHERE COALESCE(b.confirmed, 0) <> (SELECT COALESCE(SUM(CASE e.side WHEN 'D' THEN e.amount ELSE -e.amount END), 0)
                                                       FROM ledger_entry e WHERE e.account_id = a.id AND e.bucket = 'CONFIRMED')
                       OR COALESCE(b.incoming, 0) <> (SELECT COALESCE(SUM(CASE e.side WHEN 'D' THEN e.amount ELSE -e.amount END), 0)
                                                      FROM ledger_entry e WHERE e.account_id = a.id AND e.bucket = 'INCOMING')
                       OR COALESCE(b.outgoing, 0) <> (SELECT COALESCE(SUM(CASE e.side WHEN 'D' THEN e.amount ELSE -e.amount END), 0)
                                                      FROM ledger_entry e WHERE e.account_id = a.id AND e.bucket = 'OUTGOING')"""},
            new String[] {"a posting whose debits and credits differ", """
                    SELECT posting_id FROM ledger_entry GROUP BY posting_id
                    HAVING SUM(CASE side WHEN 'D' THEN amount ELSE -amount END) <> 0"""},
            new String[] {"a transaction received or confirmed twice", """
                    SELECT transaction_id FROM ledger_posting WHERE kind IN ('RECEIVE_PENDING', 'RECEIVE_CONFIRMED')
                    GROUP BY transaction_id, kind HAVING COUNT(*) > 1"""},
            new String[] {"a confirmed deposit without exactly one confirming posting", """
                    SELECT t.id FROM txn t WHERE t.tx_type = 'RECEIVE' AND t.status = 'CONFIRMED'
                      AND (SELECT COUNT(*) FROM ledger_posting p WHERE p.transaction_id = t.id AND p.kind = 'RECEIVE_CONFIRMED') <> 1"""},
            new String[] {"a send reserved, settled or released twice on one account", """
                    SELECT p.transaction_id FROM ledger_posting p JOIN ledger_entry e ON e.posting_id = p.id
                    WHERE p.kind IN ('SEND_RESERVED', 'SEND_SETTLED', 'SEND_RELEASED') AND e.account_id IS NOT NULL
                      AND e.bucket = 'OUTGOING'
                    GROUP BY p.transaction_id, e.account_id,
                             CASE p.kind WHEN 'SEND_RESERVED' THEN 'R' ELSE 'E' END HAVING COUNT(*) > 1"""},
            new String[] {"a reservation leaked (its send ended and it is still held) or lost (its send is open and it was given back)", """
                    SELECT t.id FROM txn t
                    WHERE EXISTS (SELECT 1 FROM ledger_posting p WHERE p.transaction_id = t.id AND p.kind = 'SEND_RESERVED')
                      AND (SELECT COUNT(*) FROM ledger_posting p WHERE p.transaction_id = t.id
                             AND p.kind IN ('SEND_SETTLED', 'SEND_RELEASED'))
                          <> CASE WHEN t.status IN""" + " " + OPEN_SEND + """
                                  THEN 0
                                  ELSE (SELECT COUNT(*) FROM ledger_posting p WHERE p.transaction_id = t.id AND p.kind = 'SEND_RESERVED') END"""},
            new String[] {"a confirmed send that was not settled", """
                    SELECT t.id FROM txn t WHERE t.status = 'CONFIRMED'
                      AND EXISTS (SELECT 1 FROM ledger_posting p WHERE p.transaction_id = t.id AND p.kind = 'SEND_RESERVED')
                      AND NOT EXISTS (SELECT 1 FROM ledger_posting p WHERE p.transaction_id = t.id AND p.kind = 'SEND_SETTLED')"""},
            new String[] {"a block height with two hashes on one network", """
                    SELECT t.workspace_id FROM txn t WHERE t.block_height IS NOT NULL
                    GROUP BY t.workspace_id, t.network, t.block_height HAVING COUNT(DISTINCT t.block_hash) > 1"""},
            new String[] {"a transaction in a block above its network's tip", """
                    SELECT t.id FROM txn t JOIN network n ON n.workspace_id = t.workspace_id AND n.name = t.network
                    WHERE t.block_height > n.height"""},
            new String[] {"a nonce signed twice on one account", """
                    SELECT account_id FROM txn WHERE nonce IS NOT NULL AND raw_tx IS NOT NULL
                    GROUP BY account_id, nonce HAVING COUNT(*) > 1"""},
            new String[] {"a request that expired twice, or is expired without its event", """
                    SELECT r.id FROM request r
                    WHERE (SELECT COUNT(*) FROM request_event e WHERE e.request_id = r.id AND e.status = 'EXPIRED')
                          <> CASE WHEN r.status = 'EXPIRED' THEN 1 ELSE 0 END"""},
            new String[] {"an event delivered to one user twice as two deliveries", """
                    SELECT event_id FROM event_delivery GROUP BY event_id, user_id HAVING COUNT(*) > 1"""});

    private LedgerInvariants() {
    }

    /** Opens a connection to the database (the server of an H2 file must be stopped or killed first). */
    public static Connection connect(String url, String user, String password) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** What breaks the invariants, read in one snapshot; empty when the books hold. */
    public static List<String> violations(Connection connection) throws SQLException {
        List<String> found = new ArrayList<>();
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        // One snapshot: instances still running (their timers, their dispatchers) must not move the books between checks.
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            for (String[] check : CHECKS) {
                List<Long> rows = ids(connection, check[1]);
                if (!rows.isEmpty()) {
                    found.add(check[0] + ": " + rows.subList(0, Math.min(rows.size(), 10)));
                }
            }
        } finally {
            connection.rollback();
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
        return found;
    }

    /** Fails with every broken invariant. */
    public static void assertHold(Connection connection) throws SQLException {
        assertThat(violations(connection)).as("ledger invariants").isEmpty();
    }

    /** Fails unless every acknowledged deposit is stored with its amount and every acknowledged request exists. */
    public static void assertStored(Connection connection, Collection<MixedLoad.Deposit> deposits,
                                    Collection<MixedLoad.Approved> approved, Collection<Long> requests) throws SQLException {
        for (MixedLoad.Deposit deposit : deposits) {
            List<String> amounts = strings(connection, "SELECT amount FROM txn WHERE id = ? AND account_id = ?",
                    deposit.id(), deposit.account());
            assertThat(amounts).as("acknowledged deposit %d", deposit.id()).hasSize(1);
            assertThat(new java.math.BigDecimal(amounts.getFirst()).toBigIntegerExact().toString())
                    .as("amount of deposit %d", deposit.id()).isEqualTo(deposit.amount());
        }
        for (long request : requests) {
            assertThat(strings(connection, "SELECT status FROM request WHERE id = ?", request))
                    .as("acknowledged request %d", request).hasSize(1);
        }
        for (MixedLoad.Approved done : approved) {
            List<String> status = strings(connection, "SELECT status FROM request WHERE id = ?", done.requestId());
            assertThat(status).as("approved request %d", done.requestId()).hasSize(1);
            // An acknowledged last approval carried the request out: it never goes back to waiting for votes.
            assertThat(status.getFirst()).as("status of approved request %d", done.requestId())
                    .isIn("APPROVED", "SIGNED", "SUBMITTED");
        }
    }

    private static List<Long> ids(Connection connection, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    /** The first column of a query's rows, as text. */
    public static List<String> strings(Connection connection, String sql, Object... params) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    /** The first row's timestamp. */
    public static java.time.Instant instant(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
    }

    /** A count query's answer. */
    public static long count(Connection connection, String sql, Object... params) throws SQLException {
        return Long.parseLong(strings(connection, sql, params).getFirst());
    }
}
