package io.coffer.http;

import io.helidon.webserver.http.ServerRequest;

/** Typed access to path parameters. */
public final class PathParams {

    private PathParams() {
    }

    /**
     * An integer id from the path. Text that is not a number is a 400; a number too large to be an
     * id of ours cannot name anything, so it is a 404.
     */
    public static long id(ServerRequest req, String name) {
        String value = req.path().pathParameters().get(name);
        if (value.length() > 18 && Query.allDigits(value)) {
            throw ApiException.notFound("no object with " + name + " " + Query.abbreviate(value));
        }
        return Query.parseId(name, value);
    }

    public static String string(ServerRequest req, String name) {
        return req.path().pathParameters().get(name);
    }
}
