package io.coffer.http;

import io.coffer.common.Outcome;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.util.function.Function;

/** Writes JSON answers and errors in the API's shapes. */
public final class Responses {

    private static final String JSON = "application/json";

    private Responses() {
    }

    /** 200 with a JSON body: every success of the API is a 200, creations included. */
    public static void ok(ServerResponse res, Object body) {
        send(res, 200, Json.write(body));
    }

    /** 200 with a body already serialised (for answers that never change). */
    public static void okRaw(ServerResponse res, byte[] json) {
        send(res, 200, json);
    }

    /** A HEAD answer: the status and headers of the GET, and no byte of its body on the wire. */
    public static void withoutBody(ServerResponse res) {
        res.streamFilter(out -> new java.io.FilterOutputStream(out) {
            @Override
            public void write(int b) {
                // a HEAD answer has no body
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                // a HEAD answer has no body
            }
        });
    }

    /** Marks an answer that carries a secret (tokens, keys) as never to be stored by a cache or proxy. */
    public static void noStore(ServerResponse res) {
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
    }

    public static void error(ServerResponse res, ErrorBody error) {
        send(res, error.statusCode(), Json.write(error));
    }

    /** 200 with the mapped value, or the error a failed outcome stands for. */
    public static <T> void outcome(ServerResponse res, Outcome<T> outcome, Function<? super T, ?> view) {
        switch (outcome) {
            case Outcome.Ok<T> ok -> ok(res, view.apply(ok.value()));
            case Outcome.Failed<T> failed -> error(res, ErrorBody.of(failed.problem()));
        }
    }

    private static void send(ServerResponse res, int status, byte[] body) {
        res.status(Status.create(status));
        res.header(HeaderNames.CONTENT_TYPE, JSON);
        res.send(body);
    }
}
