package io.coffer.http;

import io.coffer.common.Overloaded;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the memory request bodies take all together: each part of a body is read only once its
 * share of the budget is reserved, and the share is given back when its answer is sent. While a
 * body arrives its share is what its bytes take (twice their size); once whole, it grows to what
 * parsing and handling it may cost (sixteen times) for the few milliseconds that takes. Shares
 * follow the bytes that arrived, not the length a client announces, so connections that send
 * slowly or not at all hold little of the budget. Without it, a few hundred connections each sending a 1 MiB body at once run
 * any heap out of memory, credentials or not. A request that cannot get its share within a second
 * is answered 503 with {@code Retry-After}.
 */
public final class BodyBudget implements Filter {

    /** What a body costs per byte while it arrives: its bytes, and the buffer they grow into. */
    static final int READ_COST_PER_BYTE = 2;
    /** What a body costs per byte once whole, while it is parsed and handled: the bytes, the decoded text and the parsed JSON. */
    static final int COST_PER_BYTE = 16;
    /** A request's fixed share, whatever its body: buffers and objects around it. */
    static final int OVERHEAD_BYTES = 4 * 1024;
    private static final long WAIT_MILLIS = 1000;

    /** What a request holds, released after its answer. */
    private static final class Held {
        int kib;
    }

    private final Semaphore kibibytes;
    private final int totalKib;

    /** @param budgetBytes the memory all bodies in flight may take together */
    public BodyBudget(long budgetBytes) {
        this.totalKib = (int) Math.max(1, Math.min(Integer.MAX_VALUE, budgetBytes / 1024));
        this.kibibytes = new Semaphore(totalKib, true);
    }

    /**
     * Makes sure the request holds a share of {@code costBytes} (plus its fixed share), taking from
     * the budget only what it does not hold yet: called as the body arrives, then once it is whole.
     */
    void reserve(ServerRequest req, long costBytes) {
        Held held = req.context().get(Held.class).orElseGet(() -> {
            Held fresh = new Held();
            req.context().register(fresh);
            return fresh;
        });
        int needed = (int) Math.min(totalKib, (Math.max(0, costBytes) + OVERHEAD_BYTES) / 1024 + 1);
        int more = needed - held.kib;
        if (more <= 0) {
            return;
        }
        try {
            if (!kibibytes.tryAcquire(more, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new Overloaded("too many request bodies are being read at once; try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Overloaded("interrupted while waiting to read the request body");
        }
        held.kib += more;
    }

    /** How much of the budget is free (for tests). */
    int freeKib() {
        return kibibytes.availablePermits();
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        try {
            chain.proceed();
        } finally {
            req.context().get(Held.class).ifPresent(held -> {
                kibibytes.release(held.kib);
                held.kib = 0;
            });
        }
    }
}
