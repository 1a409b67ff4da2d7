package io.coffer.user.http;

import io.coffer.http.Api;
import io.coffer.http.Bodies;
import io.coffer.http.JsonFields;
import io.coffer.http.Responses;
import io.coffer.user.AuthService;
import io.coffer.user.TokenPair;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/** {@code POST /auth/token} and {@code POST /auth/token/refresh}. */
public final class AuthRoutes {

    /** The spec's {@code AuthResponse}. */
    record AuthResponse(String accessToken, long expiresIn, String refreshToken, String sessionState, String tokenType) {
        static AuthResponse of(TokenPair pair) {
            return new AuthResponse(pair.accessToken(), pair.expiresIn(), pair.refreshToken(), pair.sessionState(),
                    pair.tokenType());
        }
    }

    private final AuthService auth;
    private final Bodies bodies;

    public AuthRoutes(AuthService auth, Bodies bodies) {
        this.auth = auth;
        this.bodies = bodies;
    }

    public void register(Api api) {
        api.publicPost("/auth/token", this::token);
        api.publicPost("/auth/token/refresh", this::refresh);
    }

    private void token(ServerRequest req, ServerResponse res) {
        JsonFields body = bodies.object(req);
        Responses.outcome(res, auth.token(body.string("api_key_id"), body.string("api_key_secret"), workspace(req)),
                AuthResponse::of);
    }

    private void refresh(ServerRequest req, ServerResponse res) {
        JsonFields body = bodies.object(req);
        Responses.outcome(res, auth.refresh(body.string("refresh_token"), workspace(req)), AuthResponse::of);
    }

    private static Optional<String> workspace(ServerRequest req) {
        return req.headers().first(Api.WORKSPACE).map(String::trim).filter(name -> !name.isEmpty());
    }
}
