package io.coffer.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.common.Outcome;
import io.coffer.testing.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The embedded database's single writer: transactions submitted together share a commit, yet each
 * one that is refused or throws leaves nothing behind, its caller sees its own exception, and a
 * write cannot start another.
 */
class GroupCommitWriterTest {

    @Test
    void refusedAndFailingTransactionsLeaveNothingWhileTheOthersCommit() throws Exception {
        try (Database database = Database.open(Database.h2Url(Engine.tempDir("writer")), "sa", "", 8)) {
            JdbcUnitOfWork unitOfWork = database.unitOfWork();
            unitOfWork.write(tx -> {
                Sql.update(tx, "CREATE TABLE probe (id BIGINT PRIMARY KEY)");
                return Outcome.ok(null);
            });
            ExecutorService pool = Executors.newFixedThreadPool(30);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                long id = i;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        Outcome<Long> outcome = unitOfWork.write(tx -> {
                            Sql.update(tx, "INSERT INTO probe (id) VALUES (?)", id);
                            if (id % 3 == 1) {
                                return Outcome.invalid("refused " + id);
                            }
                            if (id % 3 == 2) {
                                throw new IllegalArgumentException("boom " + id);
                            }
                            return Outcome.ok(id);
                        });
                        return outcome.isOk() ? "ok" : "refused";
                    } catch (IllegalArgumentException e) {
                        return e.getMessage().equals("boom " + id) ? "thrown" : "wrong exception";
                    }
                }));
            }
            start.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<String> result : results) {
                answers.add(result.get());
            }
            pool.shutdown();
            assertThat(answers).containsOnly("ok", "refused", "thrown");
            assertThat(answers.stream().filter("ok"::equals)).hasSize(10);
            List<Long> stored = unitOfWork.read(tx -> Sql.list(tx, "SELECT id FROM probe ORDER BY id", row -> row.getLong(1)));
            assertThat(stored).hasSize(10).allMatch(id -> id % 3 == 0);

            assertThatThrownBy(() -> unitOfWork.write(tx -> unitOfWork.write(inner -> Outcome.ok(1))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot start another");
        }
    }
}
