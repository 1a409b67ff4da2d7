package io.coffer.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Keeps a copy of the bytes of an answer as they are sent, up to a bound, so that the answer can be
 * stored after it went out (idempotency keys replay it). Everything a handler sends goes through the
 * response's output stream once a stream filter is set, including {@code send(byte[])}.
 */
public final class AnswerRecorder {

    private final ServerResponse res;
    private final int maxBytes;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private boolean overflow;

    private AnswerRecorder(ServerResponse res, int maxBytes) {
        this.res = res;
        this.maxBytes = maxBytes;
    }

    /** Starts recording what the response sends, keeping at most {@code maxBytes}. */
    public static AnswerRecorder attach(ServerResponse res, int maxBytes) {
        AnswerRecorder recorder = new AnswerRecorder(res, maxBytes);
        res.streamFilter(out -> new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                recorder.keep(new byte[] {(byte) b}, 0, 1);
                out.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                recorder.keep(bytes, offset, length);
                out.write(bytes, offset, length);
            }
        });
        return recorder;
    }

    private synchronized void keep(byte[] bytes, int offset, int length) {
        if (overflow || copy.size() + (long) length > maxBytes) {
            overflow = true;
            copy.reset();
            return;
        }
        copy.write(bytes, offset, length);
    }

    /** The status the response was sent with. */
    public int status() {
        return res.status().code();
    }

    /** The media type it was sent with. */
    public String contentType() {
        return res.headers().first(HeaderNames.CONTENT_TYPE).orElse("application/octet-stream");
    }

    /** Whether the answer was marked as carrying a secret ({@code Cache-Control: no-store}). */
    public boolean secret() {
        return res.headers().first(HeaderNames.CACHE_CONTROL).filter(value -> value.contains("no-store")).isPresent();
    }

    /** The answer's bytes, or empty when they exceeded the bound. */
    public synchronized Optional<byte[]> body() {
        return overflow ? Optional.empty() : Optional.of(copy.toByteArray());
    }
}
