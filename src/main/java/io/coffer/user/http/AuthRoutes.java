package io.coffer.user.http;

import io.coffer.http.Api;
import io.coffer.http.ApiException;
import io.coffer.http.Bodies;
import io.coffer.http.JsonFields;
import io.coffer.http.Query;
import io.coffer.http.Responses;
import io.coffer.user.ApiAccessService;
import io.coffer.user.AuthService;
import io.coffer.user.TokenPair;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * {@code POST /auth/token} and {@code POST /auth/token/refresh}, and Coffer's API access claim
 * ({@code GET /auth/api-access/challenge}, {@code POST /auth/api-access}). Every answer that holds a
 * secret is marked {@code Cache-Control: no-store}.
 */
public final class AuthRoutes {

    /** The spec's {@code AuthResponse}. */
    record AuthResponse(String accessToken, long expiresIn, String refreshToken, String sessionState, String tokenType) {
        static AuthResponse of(TokenPair pair) {
            return new AuthResponse(pair.accessToken(), pair.expiresIn(), pair.refreshToken(), pair.sessionState(),
                    pair.tokenType());
        }
    }

    /** Coffer's {@code CofferApiAccessChallenge}. */
    record ChallengeView(String challenge) {
    }

    /** Coffer's {@code CofferApiUserCreated}. */
    record ApiAccess(ApiUserView apiUser) {
    }

    record ApiUserView(long id, String username, String apiKeyId, String apiKeySecret) {
    }

    private final AuthService auth;
    private final ApiAccessService access;
    private final Bodies bodies;

    public AuthRoutes(AuthService auth, ApiAccessService access, Bodies bodies) {
        this.auth = auth;
        this.access = access;
        this.bodies = bodies;
    }

    public void register(Api api) {
        api.publicPost("/auth/token", this::token);
        api.publicPost("/auth/token/refresh", this::refresh);
        api.publicGet("/auth/api-access/challenge", this::accessChallenge);
        api.publicPost("/auth/api-access", this::claimAccess);
    }

    private void token(ServerRequest req, ServerResponse res) {
        JsonFields body = bodies.object(req);
        Responses.noStore(res);
        Responses.outcome(res, auth.token(body.string("api_key_id"), body.string("api_key_secret"), workspace(req)),
                AuthResponse::of);
    }

    private void refresh(ServerRequest req, ServerResponse res) {
        JsonFields body = bodies.object(req);
        Responses.noStore(res);
        Responses.outcome(res, auth.refresh(body.string("refresh_token"), workspace(req)), AuthResponse::of);
    }

    private void accessChallenge(ServerRequest req, ServerResponse res) {
        Query query = Query.of(req).allowOnly(java.util.Set.of("username"), false);
        String username = query.string("username").orElseThrow(() ->
                ApiException.badRequest("query parameter 'username' is required"));
        Responses.noStore(res);
        Responses.outcome(res, access.challenge(requiredWorkspace(req), username), ChallengeView::new);
    }

    private void claimAccess(ServerRequest req, ServerResponse res) {
        JsonFields body = bodies.object(req).allowOnly("jws");
        Responses.noStore(res);
        Responses.outcome(res, access.claim(requiredWorkspace(req), body.string("jws")), credentials -> new ApiAccess(
                new ApiUserView(credentials.id(), credentials.username(), credentials.apiKeyId(), credentials.apiKeySecret())));
    }

    private static String requiredWorkspace(ServerRequest req) {
        return workspace(req).orElseThrow(() -> ApiException.badRequest("the X-Ledger-Workspace header is required"));
    }

    private static Optional<String> workspace(ServerRequest req) {
        return Api.single(req, Api.WORKSPACE).map(String::trim).filter(name -> !name.isEmpty());
    }
}
