package io.coffer.http;

import io.coffer.common.Caller;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** A route handler that runs only for an authenticated caller. */
@FunctionalInterface
public interface CallerHandler {

    void handle(ServerRequest req, ServerResponse res, Caller caller) throws Exception;
}
