package io.coffer.http;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.time.Duration;

/**
 * Ends a connection whose request headers do not arrive in time. The web server closes a
 * connection that has not sent its request line for its idle timeout, but once the request line is
 * read it waits for the headers for ever: a client that sends {@code GET / HTTP/1.1} and then
 * nothing (slowloris) would hold its connection, and enough of them every connection
 * {@code COFFER_MAX_CONNECTIONS} allows. The deadline starts when the request line is read and
 * stops when the headers are; the body has a deadline of its own ({@link Bodies}).
 */
public final class HeadDeadline implements Http1ConnectionListener {

    /** The running deadline of the connection this thread serves (one thread per connection); cleared with its headers. */
    private static final ThreadLocal<ReadDeadline> RUNNING = new ThreadLocal<>();

    private final Duration limit;

    public HeadDeadline(Duration limit) {
        this.limit = limit;
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        stop();
        RUNNING.set(ReadDeadline.start(limit));
    }

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        stop();
    }

    private static void stop() {
        ReadDeadline running = RUNNING.get();
        if (running != null) {
            RUNNING.remove();
            running.close();
        }
    }
}
