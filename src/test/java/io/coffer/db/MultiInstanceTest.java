package io.coffer.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.testing.Engine;
import io.coffer.testing.Instances;
import io.coffer.testing.LedgerInvariants;
import io.coffer.testing.MixedLoad;
import io.coffer.testing.ServerProcess;
import io.coffer.testing.WebhookReceiver;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Three {@code coffer serve} processes over one PostgreSQL database serve one workspace under a mixed
 * load, while the background work of all three competes: block timers, request expiry after the
 * workspace clock moved, webhook dispatch. Afterwards the books hold, every acknowledged write is
 * stored, the timer produced no more blocks than were owed, each waiting request expired once,
 * and each webhook delivery reached its receiver exactly once.
 */
class MultiInstanceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    static final Map<String, String> SETTINGS = Map.of(
            "COFFER_WEBHOOK_FIRST_RETRY_MILLIS", "100",
            "COFFER_DB_POOL_SIZE", "8",
            "COFFER_RATE_LIMIT_PENDING_REQUESTS", "1000000");

    @Test
    void threeInstancesOverOnePostgresApplyEverythingOnce() throws Exception {
        try (Instances instances = Instances.start(Engine.POSTGRES, 3, SETTINGS);
             WebhookReceiver receiver = WebhookReceiver.start(0);
             Connection db = instances.connect()) {
            MixedLoad load = MixedLoad.create(instances.bases(), "multi");
            // Two subscribers, configured through different instances: every instance's dispatcher sees both.
            assertThat(configure(load.admin(0), receiver.url("/admin", "admin-secret"), "admin-secret")).isEqualTo(200);
            assertThat(configure(load.operator(1), receiver.url("/operator", "op-secret"), "op-secret")).isEqualTo(200);
            long subscribedAfter = load.admin(2).get("/events?limit=1").get("last_seq").asLong();
            // A block timer all three instances run: blocks owed once, produced once.
            assertThat(load.admin(2).post("/sandbox/networks/litecoin/settings", Map.of("block_interval_seconds", 1))
                    .status()).isEqualTo(200);
            long startHeight = Long.parseLong(LedgerInvariants.strings(db,
                    "SELECT n.height FROM network n JOIN workspace w ON w.id = n.workspace_id"
                            + " WHERE w.name = 'multi' AND n.name = 'litecoin'").getFirst());

            MixedLoad.Running running = load.start(6);
            try {
                ServerProcess.await(PATIENCE, "a mixed load over three instances", () -> load.acknowledged() >= 100
                        && load.approved().size() >= 6 && load.waiting().size() >= 3);
            } finally {
                running.stop();
            }
            assertThat(load.problems()).isEmpty();

            Instant now = Instant.now();
            List<String> timer = LedgerInvariants.strings(db, "SELECT n.height FROM network n JOIN workspace w"
                    + " ON w.id = n.workspace_id WHERE w.name = 'multi' AND n.name = 'litecoin'");
            Instant since = LedgerInvariants.instant(db, "SELECT n.timer_since FROM network n JOIN workspace w"
                    + " ON w.id = n.workspace_id WHERE w.name = 'multi' AND n.name = 'litecoin'");
            long produced = Long.parseLong(timer.getFirst()) - startHeight;
            assertThat(produced).as("the timer ran").isPositive();
            assertThat(produced).as("blocks produced by three timers, at most one per second owed")
                    .isLessThanOrEqualTo(Duration.between(since, now).toSeconds());

            // The week of the waiting requests passes: the three instances' expiry jobs race for them.
            List<Long> waiting = load.waiting();
            assertThat(load.admin(0).post("/sandbox/clock", Map.of("advance_seconds", 8 * 86_400)).status()).isEqualTo(200);
            ServerProcess.await(PATIENCE, "every waiting request expired", () -> count(db,
                    "SELECT COUNT(*) FROM request WHERE status IN ('PENDING_APPROVAL', 'PENDING_FIRST_APPROVAL')") == 0);
            // Expired once each (LedgerInvariants counts the EXPIRED events); those left waiting on purpose are among them.
            long expired = waiting.stream().filter(request -> count(db, "SELECT COUNT(*) FROM request WHERE id = " + request
                    + " AND status = 'EXPIRED'") == 1).count();
            assertThat(expired).as("waiting requests expired").isGreaterThanOrEqualTo(3);

            ServerProcess.await(PATIENCE, "every delivery finished", () -> count(db,
                    "SELECT COUNT(*) FROM event_delivery WHERE status IN ('PENDING', 'SENDING')") == 0);
            assertThat(count(db, "SELECT COUNT(*) FROM event_delivery WHERE status <> 'DELIVERED'")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM event e JOIN workspace w ON w.id = e.workspace_id"
                    + " WHERE w.name = 'multi' AND e.seq > " + subscribedAfter
                    + " AND NOT EXISTS (SELECT 1 FROM event_delivery d JOIN api_user u ON u.id = d.user_id"
                    + " WHERE d.event_id = e.id AND u.role = 'ADMIN')"))
                    .as("every event after the subscription has a delivery to the admin").isZero();
            // No instance died, and the receiver answers at once: each delivery was posted exactly once
            // (docs/webhooks.md promises at least once, and never the same delivery by two instances at a time).
            List<String> delivered = LedgerInvariants.strings(db, "SELECT d.id FROM event_delivery d");
            Map<Long, Long> posts = receiver.accepted().stream()
                    .collect(Collectors.groupingBy(WebhookReceiver.Received::deliveryId, Collectors.counting()));
            assertThat(posts.keySet()).containsExactlyInAnyOrderElementsOf(delivered.stream().map(Long::parseLong).toList());
            assertThat(posts.values()).allMatch(times -> times == 1, "each delivery posted once");
            Map<String, Long> perPath = receiver.accepted().stream()
                    .collect(Collectors.groupingBy(r -> r.path() + " " + r.seq(), Collectors.counting()));
            assertThat(perPath.values()).allMatch(times -> times == 1, "each event reached each subscriber once");
            assertThat(receiver.problems()).isEmpty();

            LedgerInvariants.assertHold(db);
            LedgerInvariants.assertStored(db, load.deposits(), load.approved(), load.requests());
        }
    }

    static int configure(io.coffer.testing.ApiClient client, String url, String secret) {
        return client.send("PUT", "/notifications/configuration", "{\"all\":{\"webhook\":{\"url\":\"" + url
                + "\",\"secret\":\"" + secret + "\"}}}").status();
    }

    private static long count(Connection db, String sql) {
        try {
            return LedgerInvariants.count(db, sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
