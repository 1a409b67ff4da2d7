package io.coffer.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.common.Outcome;
import io.coffer.common.Overloaded;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Engine;
import io.coffer.testing.Sandbox;
import io.coffer.testing.TestServer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded database's writer queue is bounded ({@code COFFER_DB_WRITER_QUEUE}): with the writer
 * held by a latch and its one-place queue taken, a deposit over HTTP is answered 503 in the error
 * shape with {@code Retry-After}, writes nothing, reads still answer, and once the writer is let go
 * the queue drains and deposits succeed again.
 */
class WriterQueueBoundTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Engine.H2, Map.of("COFFER_DB_WRITER_QUEUE", "1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aFullWriterQueueAnswers503WithRetryAfterAndWritesNothingThenDrains() throws Exception {
        ApiClient client = Sandbox.workspace(server).client();
        long account = Sandbox.account(client, "bitcoin").path("id").asLong();
        Sandbox.deposit(client, account, "1000");
        String balancesBefore = client.get("/accounts/" + account + "/balances").raw();

        try (HeldWriter held = HeldWriter.hold(server.database().unitOfWork())) {
            ApiResponse refused = client.post("/sandbox/accounts/" + account + "/deposits", Map.of("amount", "5"));
            assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
            assertThat(refused.text("name")).isEqualTo("ServiceUnavailableError");
            assertThat(refused.get("status_code").asInt()).isEqualTo(503);
            assertThat(refused.text("message")).contains("writes waiting");
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();

            // Reads do not wait for the writer: they answer, and show nothing of the refused deposit.
            ApiResponse balances = client.get("/accounts/" + account + "/balances");
            assertThat(balances.status()).as(balances.raw()).isEqualTo(200);
            assertThat(balances.raw()).isEqualTo(balancesBefore);
            assertThat(client.get("/transactions?account=" + account).get("page_info").path("count").asInt()).isEqualTo(1);
        }

        Sandbox.deposit(client, account, "7");
        ApiResponse after = client.get("/accounts/" + account + "/balances");
        assertThat(after.raw()).isNotEqualTo(balancesBefore);
        assertThat(client.get("/transactions?account=" + account).get("page_info").path("count").asInt())
                .as("the refused deposit was never written; the one after the drain was").isEqualTo(2);
    }

    @Test
    void aRefusedWriteNeverStartsItsTransaction() throws Exception {
        JdbcUnitOfWork unitOfWork = server.database().unitOfWork();
        AtomicBoolean ran = new AtomicBoolean();
        try (HeldWriter held = HeldWriter.hold(unitOfWork)) {
            assertThatThrownBy(() -> unitOfWork.write(tx -> {
                ran.set(true);
                return Outcome.ok(null);
            })).isInstanceOf(Overloaded.class);
        }
        assertThat(ran).as("the refused work was never run").isFalse();
        assertThat(unitOfWork.write(tx -> Outcome.ok("after")).orElseThrow()).isEqualTo("after");
        assertThat(unitOfWork.queuedWrites()).isZero();
    }

    /**
     * The writer busy with a write that waits on a latch, and the queue's one place taken by another
     * write; closing lets both finish.
     */
    static final class HeldWriter implements AutoCloseable {

        private final CountDownLatch release = new CountDownLatch(1);
        private final CompletableFuture<Object> running;
        private final CompletableFuture<Object> waiting;

        private HeldWriter(JdbcUnitOfWork unitOfWork) throws InterruptedException {
            CountDownLatch entered = new CountDownLatch(1);
            running = CompletableFuture.supplyAsync(() -> unitOfWork.write(tx -> {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Outcome.ok((Object) "held");
            }).orElseThrow(), Thread::startVirtualThread);
            assertThat(entered.await(60, TimeUnit.SECONDS)).as("the writer took the holding write").isTrue();
            waiting = CompletableFuture.supplyAsync(() -> unitOfWork.write(tx -> Outcome.ok((Object) "queued")).orElseThrow(),
                    Thread::startVirtualThread);
            // The queue's depth is the only sign the second write arrived: it cannot run while the first is
            // held. Should a background write have taken the one place first, the second is refused: the
            // queue is full either way.
            while (unitOfWork.queuedWrites() < 1 && !waiting.isDone()) {
                Thread.onSpinWait();
            }
            assertThat(unitOfWork.queuedWrites()).isEqualTo(1);
        }

        static HeldWriter hold(JdbcUnitOfWork unitOfWork) throws InterruptedException {
            return new HeldWriter(unitOfWork);
        }

        @Override
        public void close() throws Exception {
            release.countDown();
            assertThat(running.get(60, TimeUnit.SECONDS)).isEqualTo("held");
            try {
                assertThat(waiting.get(60, TimeUnit.SECONDS)).isEqualTo("queued");
            } catch (java.util.concurrent.ExecutionException refused) {
                assertThat(refused.getCause()).isInstanceOf(Overloaded.class);
            }
        }
    }
}
