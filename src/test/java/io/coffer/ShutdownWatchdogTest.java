package io.coffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A stop request always ends the process: a close that hangs is cut short by a halt. */
class ShutdownWatchdogTest {

    /** How long the process tests give a SIGTERM: the server's own deadline and some margin. */
    static final long DEADLINE_SECONDS = Main.Serve.STOP_DEADLINE_MILLIS / 1000 + 5;

    @Test
    void aCloseThatHangsIsHalted() throws Exception {
        CountDownLatch halted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread stopper = Thread.ofPlatform().start(() -> ShutdownWatchdog.closeWithin(() -> release.await(), 200,
                halted::countDown));
        assertThat(halted.await(10, TimeUnit.SECONDS)).as("the halt ran").isTrue();
        release.countDown();
        stopper.join(5000);
    }

    @Test
    void aCloseInTimeHaltsNothing() throws Exception {
        AtomicBoolean halted = new AtomicBoolean();
        AtomicBoolean closed = new AtomicBoolean();
        ShutdownWatchdog.closeWithin(() -> closed.set(true), 60_000, () -> halted.set(true));
        assertThat(closed).isTrue();
        assertThat(halted).isFalse();
    }
}
