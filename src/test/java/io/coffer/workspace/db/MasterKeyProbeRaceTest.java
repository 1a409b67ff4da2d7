package io.coffer.workspace.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.db.Database;
import io.coffer.db.Sql;
import io.coffer.keys.KeyVault;
import io.coffer.testing.Engine;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Instances started together on a fresh PostgreSQL database race for the master key's probe: every
 * one with the database's key starts, one with another key is refused, and one probe is written.
 */
class MasterKeyProbeRaceTest {

    private static final int INSTANCES = 8;

    @Test
    void instancesCheckingTheirKeyAtOnceOnAFreshDatabaseAllStart() throws Exception {
        byte[] key = new byte[KeyVault.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        try (Database database = Engine.POSTGRES.open()) {
            List<Throwable> failures = race(database, i -> key);
            assertThat(failures).isEmpty();
            long probes = database.unitOfWork().read(tx -> Sql.count(tx, "SELECT COUNT(*) FROM master_key_probe"));
            assertThat(probes).isEqualTo(1);
        }
    }

    @Test
    void aDifferentKeyLosingTheRaceIsStillRefused() throws Exception {
        try (Database database = Engine.POSTGRES.open()) {
            List<Throwable> failures = race(database, i -> {
                byte[] own = new byte[KeyVault.KEY_BYTES];
                new SecureRandom().nextBytes(own);
                return own;
            });
            // One key wins the probe; each other one is told it is not the database's key.
            assertThat(failures).hasSize(INSTANCES - 1);
            assertThat(failures).allSatisfy(failure -> assertThat(failure).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is not the key this database's workspace keys are sealed under"));
        }
    }

    private static List<Throwable> race(Database database, java.util.function.IntFunction<byte[]> keys) throws Exception {
        CyclicBarrier start = new CyclicBarrier(INSTANCES);
        ExecutorService threads = Executors.newFixedThreadPool(INSTANCES);
        try {
            List<Future<?>> checks = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                JdbcWorkspaces workspaces = new JdbcWorkspaces(new KeyVault(keys.apply(i), new SecureRandom()));
                checks.add(threads.submit(() -> {
                    start.await();
                    workspaces.checkMasterKey(database.unitOfWork());
                    return null;
                }));
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<?> check : checks) {
                try {
                    check.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            return failures;
        } finally {
            threads.shutdownNow();
        }
    }
}
