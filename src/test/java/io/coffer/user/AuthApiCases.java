package io.coffer.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Authentication through real HTTP: tokens, refresh rotation, legacy headers, and every refusal. */
abstract class AuthApiCases extends ServerCases {

    @Test
    void apiKeyGivesAFiveMinuteBearerTokenThatAuthenticatesRequests() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        ApiResponse token = login(ws.name(), ws.admin());
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.get("expires_in").asInt()).isEqualTo(300);
        assertThat(token.text("token_type")).isEqualTo("Bearer");
        ApiClient client = bearer(ws.name(), token.text("access_token"));
        assertThat(client.get("/accounts").status()).isEqualTo(200);
    }

    @Test
    void refreshTokensWorkOnceAndReuseRevokesTheWholeSession() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        String first = login(ws.name(), ws.admin()).text("refresh_token");
        ApiResponse rotated = refresh(ws.name(), first);
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.text("refresh_token");
        assertThat(second).isNotEqualTo(first);
        assertThat(bearer(ws.name(), rotated.text("access_token")).get("/accounts").status()).isEqualTo(200);

        ApiResponse replay = refresh(ws.name(), first);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(refresh(ws.name(), second).status()).as("the descendant of a replayed token is revoked").isEqualTo(401);
        assertThat(login(ws.name(), ws.admin()).status()).as("a new login still works").isEqualTo(200);
    }

    @Test
    void accessTokensExpireAfter300SecondsOnTheWorkspaceClock() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        ApiClient client = ws.client();
        assertThat(client.post("/sandbox/clock", Map.of("advance_seconds", 299)).status()).isEqualTo(200);
        assertThat(client.get("/accounts").status()).isEqualTo(200);
        assertThat(client.post("/sandbox/clock", Map.of("advance_seconds", 2)).status()).isEqualTo(200);
        ApiResponse expired = client.get("/accounts");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(Sandbox.bearerClient(server, ws.name(), ws.admin()).get("/accounts").status()).isEqualTo(200);
    }

    @Test
    void refreshTokensExpireOnTheWorkspaceClock() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        String refreshToken = login(ws.name(), ws.admin()).text("refresh_token");
        assertThat(ws.client().post("/sandbox/clock", Map.of("advance_seconds", 1801)).status()).isEqualTo(200);
        assertThat(refresh(ws.name(), refreshToken).status()).isEqualTo(401);
    }

    @Test
    void legacyHeadersAuthenticateEveryCall() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        ApiClient legacy = Sandbox.legacyClient(server, ws.name(), ws.admin());
        assertThat(legacy.get("/accounts").status()).isEqualTo(200);
        assertThat(legacy.with("X-Ledger-API-Key", "wrong").get("/accounts").status()).isEqualTo(401);
        assertThat(legacy.without("X-Ledger-API-Key").get("/accounts").status()).isEqualTo(401);
        assertThat(legacy.with("X-Ledger-API-User", "nobody").get("/accounts").status()).isEqualTo(401);
    }

    @Test
    void missingWrongOrForeignCredentialsAre401() {
        Sandbox.Workspace a = Sandbox.workspace(server);
        Sandbox.Workspace b = Sandbox.workspace(server);
        assertThat(server.anonymous().get("/accounts").status()).isEqualTo(401);
        assertThat(server.anonymous().with("X-Ledger-Workspace", a.name()).get("/accounts").status()).isEqualTo(401);
        assertThat(a.client().without("X-Ledger-Workspace").get("/accounts").status()).isEqualTo(401);
        assertThat(a.client().with("Authorization", "Bearer not-a-jwt").get("/accounts").status()).isEqualTo(401);
        assertThat(a.client().with("Authorization", "Basic YWRtaW46YWRtaW4=").get("/accounts").status()).isEqualTo(401);
        // A's token presented for B, and A's legacy key presented for B.
        assertThat(a.client().with("X-Ledger-Workspace", b.name()).get("/accounts").status()).isEqualTo(401);
        assertThat(Sandbox.legacyClient(server, b.name(), a.admin()).get("/accounts").status()).isEqualTo(401);
        assertThat(server.anonymous().with("X-Ledger-Workspace", a.name())
                .with("X-Ledger-Reporting-API-Key", "made-up").get("/accounts").status()).isEqualTo(401);
        // A token signed with another workspace's key is refused even when its claims are edited.
        String[] parts = login(a.name(), a.admin()).text("access_token").split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace(a.name(), b.name()).getBytes())
                + "." + parts[2];
        assertThat(bearer(b.name(), forged).get("/accounts").status()).isEqualTo(401);
    }

    @Test
    void tokenEndpointsRefuseWrongSecretsAndForeignWorkspaces() {
        Sandbox.Workspace a = Sandbox.workspace(server);
        Sandbox.Workspace b = Sandbox.workspace(server);
        JsonNode admin = a.admin();
        assertThat(server.anonymous().with("X-Ledger-Workspace", a.name()).post("/auth/token", Map.of(
                "api_key_id", admin.path("api_key_id").asText(), "api_key_secret", "wrong")).status()).isEqualTo(401);
        assertThat(login(b.name(), admin).status()).isEqualTo(401);
        assertThat(refresh(a.name(), "made-up-refresh-token").status()).isEqualTo(401);
        String refreshToken = login(a.name(), admin).text("refresh_token");
        assertThat(refresh(b.name(), refreshToken).status()).isEqualTo(401);
        assertThat(server.anonymous().post("/auth/token", Map.of("api_key_id", "x")).status()).isEqualTo(400);
    }

    @Test
    void secretsAreStoredOnlyAsHashes() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        String secret = ws.admin().path("api_key_secret").asText();
        assertThat(Secrets.hash(secret)).hasSize(64).doesNotContain(secret);
        assertThat(Secrets.matches(secret, Secrets.hash(secret))).isTrue();
        assertThat(Secrets.matches(secret + "x", Secrets.hash(secret))).isFalse();
    }

    private ApiResponse login(String workspace, JsonNode user) {
        return server.anonymous().with("X-Ledger-Workspace", workspace).post("/auth/token", Map.of(
                "api_key_id", user.path("api_key_id").asText(),
                "api_key_secret", user.path("api_key_secret").asText()));
    }

    private ApiResponse refresh(String workspace, String refreshToken) {
        return server.anonymous().with("X-Ledger-Workspace", workspace).post("/auth/token/refresh",
                Map.of("refresh_token", refreshToken));
    }

    private ApiClient bearer(String workspace, String token) {
        return server.anonymous().with("X-Ledger-Workspace", workspace).with("Authorization", "Bearer " + token);
    }
}
