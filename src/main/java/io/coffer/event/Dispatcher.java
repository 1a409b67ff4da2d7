package io.coffer.event;

import io.coffer.common.Outcome;
import io.coffer.common.UnitOfWork;
import io.coffer.common.WorkspaceKind;
import io.coffer.keys.KeyVault;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts pending webhook deliveries. Deliveries are claimed through the database, so any number of
 * instances share the work and never post the same delivery at once; at most {@code concurrency}
 * posts are in flight per instance, each on its own virtual thread with a timeout, so a slow or dead
 * receiver holds one slot and never the API. A 2xx answer is delivered; anything else is tried
 * again after 5 s, doubling up to 30 min, at most {@value #MAX_TRIES} tries.
 */
public final class Dispatcher implements AutoCloseable {

    public static final int MAX_TRIES = 100;
    static final Duration LONGEST_RETRY = Duration.ofMinutes(30);
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final UnitOfWork unitOfWork;
    private final Deliveries deliveries;
    private final WebhookSender sender;
    private final WebhookAddresses addresses;
    private final KeyVault vault;
    private final InstantSource clock;
    private final Duration timeout;
    private final Semaphore slots;
    private final int concurrency;
    private final Duration firstRetry;
    private final ExecutorService posts = Executors.newVirtualThreadPerTaskExecutor();
    /** One permit per finished post: the loop claims again at once instead of waiting for its next tick. */
    private final Semaphore finished = new Semaphore(0);
    private volatile boolean running;
    private Thread loop;

    public Dispatcher(UnitOfWork unitOfWork, Deliveries deliveries, WebhookSender sender, WebhookAddresses addresses,
                      KeyVault vault, InstantSource clock, Duration timeout, int concurrency, Duration firstRetry) {
        this.firstRetry = firstRetry;
        this.unitOfWork = unitOfWork;
        this.deliveries = deliveries;
        this.sender = sender;
        this.addresses = addresses;
        this.vault = vault;
        this.clock = clock;
        this.timeout = timeout;
        this.slots = new Semaphore(concurrency);
        this.concurrency = concurrency;
    }

    /** Posts in flight now, for metrics: at most {@link #concurrency()}. */
    public int postsInFlight() {
        return concurrency - slots.availablePermits();
    }

    /** Posts this instance keeps in flight at most. */
    public int concurrency() {
        return concurrency;
    }

    /**
     * The wait before the try after {@code tries} failed ones: the first retry's wait (5 s by
     * default), doubling, at most 30 min.
     */
    public static Duration backoff(Duration firstRetry, int tries) {
        int doublings = Math.min(Math.max(tries - 1, 0), 30);
        Duration wait = firstRetry.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    /**
     * Claims what is due and free slots allow and starts posting it.
     *
     * @return how many deliveries were started
     */
    public int dispatchDue() {
        int free = slots.availablePermits();
        if (free == 0) {
            return 0;
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (!unitOfWork.read(tx -> deliveries.anyDue(tx, now))) {
            return 0;
        }
        // The lease outlives the post's timeout, so a live instance always finishes its own claims.
        Instant leaseUntil = now.plus(timeout.multipliedBy(2)).plusSeconds(5);
        List<Deliveries.Claim> claims = unitOfWork.write(tx -> Outcome.ok(deliveries.claim(tx, now, leaseUntil, free)))
                .orElseThrow();
        for (Deliveries.Claim claim : claims) {
            slots.acquireUninterruptibly();
            try {
                posts.execute(() -> {
                    try {
                        post(claim);
                    } catch (RuntimeException e) {
                        LOG.warn("webhook delivery {} failed: {}", claim.id(), e.toString());
                    } finally {
                        slots.release();
                        finished.release();
                    }
                });
            } catch (RuntimeException e) {
                slots.release();
                throw e;
            }
        }
        return claims.size();
    }

    /** Posts one claimed delivery and records how it went. */
    void post(Deliveries.Claim claim) {
        if (claim.url().isEmpty() || claim.sealedSecret().isEmpty()) {
            finish(claim, DeliveryStatus.CANCELLED, Optional.empty(), Optional.of("the webhook was switched off"));
            return;
        }
        WebhookSender.Result result = switch (addresses.check(claim.url().get(), WorkspaceKind.valueOf(claim.workspaceKind()))) {
            case Outcome.Ok<URI> allowed -> send(claim, allowed.value());
            // Checked again at each try: a host name may have come to resolve to a refused address.
            case Outcome.Failed<URI> refused -> new WebhookSender.Result.NoAnswer(refused.problem().message());
        };
        switch (result) {
            case WebhookSender.Result.Answered answered when answered.status() / 100 == 2 ->
                    finish(claim, DeliveryStatus.DELIVERED, Optional.of(answered.status()), Optional.empty());
            case WebhookSender.Result.Answered answered ->
                    retryOrFail(claim, Optional.of(answered.status()), "the receiver answered " + answered.status());
            case WebhookSender.Result.NoAnswer none -> retryOrFail(claim, Optional.empty(), none.reason());
        }
    }

    private WebhookSender.Result send(Deliveries.Claim claim, URI uri) {
        byte[] secret = vault.open(claim.sealedSecret().get(), NotificationService.place(claim.userId()));
        byte[] body = claim.event().body().getBytes(StandardCharsets.UTF_8);
        long t = clock.instant().getEpochSecond();
        return sender.post(uri, body, Map.of(
                "Content-Type", "application/json",
                "X-Ledger-Signature", WebhookSignature.header(secret, t, body),
                "X-Coffer-Event-Seq", Long.toString(claim.event().seq()),
                "X-Coffer-Delivery", Long.toString(claim.id())));
    }

    private void retryOrFail(Deliveries.Claim claim, Optional<Integer> status, String error) {
        int tries = claim.tries();
        finish(claim, tries >= MAX_TRIES ? DeliveryStatus.FAILED : DeliveryStatus.PENDING, status, Optional.of(error));
    }

    private void finish(Deliveries.Claim claim, DeliveryStatus status, Optional<Integer> httpStatus, Optional<String> error) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        unitOfWork.write(tx -> {
            deliveries.finish(tx, claim, status, httpStatus, error, now.plus(backoff(firstRetry, claim.tries())), now);
            return Outcome.ok(null);
        });
    }

    /**
     * Starts the loop that claims and posts: it claims again as soon as a post finishes, and at least
     * every {@code idle} when nothing happens (an idle check is one indexed read).
     */
    public void start(Duration idle) {
        running = true;
        loop = Thread.ofPlatform().daemon().name("coffer-webhooks").start(() -> {
            while (running) {
                try {
                    int started = dispatchDue();
                    if (started == 0 && finished.tryAcquire(idle.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        finished.drainPermits();
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.warn("webhook dispatch failed: {}", e.toString());
                    try {
                        Thread.sleep(idle.toMillis());
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        });
    }

    @Override
    public void close() {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
        posts.shutdownNow();
    }
}
