package io.coffer.http;

import io.coffer.common.Authenticator;
import io.coffer.common.Caller;
import io.coffer.common.Credentials;
import io.coffer.common.Outcome;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The route table of the API. Each feature registers its routes here, authenticated by default;
 * the table also answers unknown paths with 404 and known paths with the wrong method with 405,
 * both in the error shape.
 */
public final class Api {

    public static final HeaderName WORKSPACE = HeaderNames.create("X-Ledger-Workspace");
    public static final HeaderName API_USER = HeaderNames.create("X-Ledger-API-User");
    public static final HeaderName API_KEY = HeaderNames.create("X-Ledger-API-Key");
    public static final HeaderName REPORTING_KEY = HeaderNames.create("X-Ledger-Reporting-API-Key");

    private record Route(Method method, Pattern pattern) {
    }

    private final HttpRouting.Builder routing;
    private final Authenticator authenticator;
    private final List<Route> routes = new ArrayList<>();
    private CallerFilter reads = CallerFilter.NONE;
    private CallerFilter writes = CallerFilter.NONE;

    public Api(HttpRouting.Builder routing, Authenticator authenticator) {
        this.routing = routing;
        this.authenticator = authenticator;
    }

    /**
     * Wraps the routes registered after this call: {@code reads} around authenticated GETs (and
     * HEADs), {@code writes} around authenticated POSTs, which it also asks to check open POSTs.
     */
    public Api filtered(CallerFilter reads, CallerFilter writes) {
        this.reads = reads;
        this.writes = writes;
        return this;
    }

    /** A GET route for authenticated callers (and HEAD, which answers its headers without the body). */
    public Api get(String path, CallerHandler handler) {
        return readable(path, authenticated(through(reads, handler)));
    }

    /** A POST route for authenticated callers. */
    public Api post(String path, CallerHandler handler) {
        CallerHandler limited = through(writes, handler);
        return add(Method.POST, path, authenticated((req, res, caller) -> {
            if (caller.role().readOnly()) {
                throw ApiException.forbidden("reporting API keys are read-only");
            }
            limited.handle(req, res, caller);
        }));
    }

    /**
     * A POST route that reporting keys may call too: it changes only the caller's own notification
     * deliveries, never custody state. Rate limits and idempotency keys apply as to every POST.
     */
    public Api postForEveryRole(String path, CallerHandler handler) {
        return add(Method.POST, path, authenticated(through(writes, handler)));
    }

    /**
     * A PUT route for authenticated callers of every role (reporting keys set their own notifications),
     * under the same limits and idempotency keys as POSTs.
     */
    public Api put(String path, CallerHandler handler) {
        return add(Method.PUT, path, authenticated(through(writes, handler)));
    }

    /** A GET route open to anyone: only for routes that reveal nothing about any workspace. */
    public Api publicGet(String path, Handler handler) {
        return readable(path, handler);
    }

    /**
     * A GET route that issues something the server keeps (an approval challenge): no HEAD, since
     * answering HEAD would issue one too.
     */
    public Api issuingGet(String path, CallerHandler handler) {
        return add(Method.GET, path, authenticated(through(reads, handler)));
    }

    /** GET and HEAD: the server answers HEAD with GET's status and headers and no body. */
    private Api readable(String path, Handler handler) {
        add(Method.GET, path, handler);
        return add(Method.HEAD, path, (req, res) -> {
            Responses.withoutBody(res);
            handler.handle(req, res);
        });
    }

    /** A POST route open to anyone: authentication endpoints and the sandbox bootstrap. */
    public Api publicPost(String path, Handler handler) {
        CallerFilter filter = writes;
        return add(Method.POST, path, (req, res) -> {
            filter.checkOpen(req);
            handler.handle(req, res);
        });
    }

    /** Registers the fallback for everything no route matched; call once, after all routes. */
    public void finish() {
        routing.any((req, res) -> {
            if (req.prologue().method() == Method.HEAD) {
                Responses.withoutBody(res);
            }
            String path = req.path().path();
            List<String> allowed = routes.stream()
                    .filter(route -> route.pattern().matcher(path).matches())
                    .map(route -> route.method().text())
                    .distinct()
                    .toList();
            if (allowed.isEmpty()) {
                Responses.error(res, ErrorBody.notFound("no route for " + req.prologue().method().text() + " " + path));
            } else {
                res.header(HeaderNames.ALLOW, String.join(", ", allowed));
                Responses.error(res, ErrorBody.methodNotAllowed(
                        "method " + req.prologue().method().text() + " is not allowed on " + path));
            }
        });
    }

    /** The caller of a request, or a 401 when its credentials are missing or refused. */
    public Caller authenticate(ServerRequest req) {
        String workspace = single(req, WORKSPACE).map(String::trim).orElse("");
        if (workspace.isEmpty()) {
            throw ApiException.unauthorized("the X-Ledger-Workspace header is required");
        }
        Credentials credentials = credentials(req).orElseThrow(() -> ApiException.unauthorized(
                "credentials are required: Authorization: Bearer <token>, or X-Ledger-API-User with X-Ledger-API-Key"));
        return switch (authenticator.authenticate(workspace, credentials)) {
            case Outcome.Ok<Caller> ok -> ok.value();
            case Outcome.Failed<Caller> failed -> throw new ApiException(ErrorBody.of(failed.problem()));
        };
    }

    private static Optional<Credentials> credentials(ServerRequest req) {
        Optional<String> authorization = single(req, HeaderNames.AUTHORIZATION);
        if (authorization.isPresent()) {
            String value = authorization.get().trim();
            if (value.regionMatches(true, 0, "Bearer ", 0, 7) && value.length() > 7) {
                return Optional.of(new Credentials.BearerToken(value.substring(7).trim()));
            }
            throw ApiException.unauthorized("the Authorization header must be 'Bearer <access token>'");
        }
        Optional<String> user = single(req, API_USER);
        if (user.isPresent()) {
            String key = single(req, API_KEY).orElseThrow(() ->
                    ApiException.unauthorized("X-Ledger-API-User needs X-Ledger-API-Key"));
            return Optional.of(new Credentials.ApiKeyHeaders(user.get().trim(), key.trim()));
        }
        return single(req, REPORTING_KEY).map(key -> new Credentials.ReportingKey(key.trim()));
    }

    /**
     * A header that names one workspace or one credential, or a 400 when it comes with two different
     * values: taking the first (or the last) would let a proxy and Coffer disagree on who is calling.
     */
    public static Optional<String> single(ServerRequest req, HeaderName name) {
        Optional<io.helidon.http.Header> header = req.headers().find(name);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        // This runs for every credential header of every request: the common case copies no list.
        if (header.get().valueCount() == 1) {
            return Optional.of(header.get().get());
        }
        List<String> values = header.get().allValues();
        String first = values.getFirst();
        for (int i = 1; i < values.size(); i++) {
            if (!values.get(i).trim().equals(first.trim())) {
                throw ApiException.badRequest("the " + name.defaultCase() + " header is sent " + values.size()
                        + " times with different values; send it once");
            }
        }
        return Optional.of(first);
    }

    /** The handler behind the filter in force when its route is registered. */
    private static CallerHandler through(CallerFilter filter, CallerHandler handler) {
        return (req, res, caller) -> filter.handle(req, res, caller, handler);
    }

    private Handler authenticated(CallerHandler handler) {
        return (req, res) -> {
            Caller caller = authenticate(req);
            req.context().register(caller);
            handler.handle(req, res, caller);
        };
    }

    private Api add(Method method, String path, Handler handler) {
        routing.route(method, path, handler);
        routes.add(new Route(method, toPattern(path)));
        return this;
    }

    private static Pattern toPattern(String path) {
        String regex = Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
        return Pattern.compile(regex);
    }
}
