package io.coffer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Named steps over the sandbox API, so tests read as stories. */
public final class Sandbox {

    private static final AtomicInteger NAMES = new AtomicInteger();

    /** A workspace and a client authenticated as its admin with a bearer token. */
    public record Workspace(String name, JsonNode admin, ApiClient client) {
        public long adminId() {
            return admin.path("id").asLong();
        }
    }

    private Sandbox() {
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }

    public static Workspace workspace(TestServer server) {
        String name = uniqueName("ws");
        ApiResponse created = server.anonymous().post("/sandbox/workspaces", Map.of("name", name));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        JsonNode admin = created.get("api_user");
        return new Workspace(name, admin, bearerClient(server, name, admin));
    }

    /** Logs an API user in with POST /auth/token and returns a client using the access token. */
    public static ApiClient bearerClient(TestServer server, String workspace, JsonNode apiUser) {
        ApiResponse token = server.anonymous().with("X-Ledger-Workspace", workspace).post("/auth/token", Map.of(
                "api_key_id", apiUser.path("api_key_id").asText(),
                "api_key_secret", apiUser.path("api_key_secret").asText()));
        assertThat(token.status()).as(token.raw()).isEqualTo(200);
        return server.anonymous()
                .with("X-Ledger-Workspace", workspace)
                .with("Authorization", "Bearer " + token.text("access_token"));
    }

    /** A client using the legacy gateway headers. */
    public static ApiClient legacyClient(TestServer server, String workspace, JsonNode apiUser) {
        return server.anonymous()
                .with("X-Ledger-Workspace", workspace)
                .with("X-Ledger-API-User", apiUser.path("username").asText())
                .with("X-Ledger-API-Key", apiUser.path("api_key_secret").asText());
    }

    public static JsonNode apiUser(ApiClient admin, String role, boolean viewAll) {
        ApiResponse created = admin.post("/sandbox/api-users", Map.of("username", uniqueName("user"), "role", role,
                "view_all", viewAll));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        return created.get("api_user");
    }

    public static JsonNode account(ApiClient client, String currency) {
        return account(client, Map.of("name", uniqueName(currency), "currency", currency));
    }

    public static JsonNode account(ApiClient client, Map<String, Object> body) {
        ApiResponse created = client.post("/sandbox/accounts", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        return created.json();
    }

    public static JsonNode accountNaming(ApiClient client, String currency, List<Long> approvers, int quorum) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", uniqueName(currency));
        body.put("currency", currency);
        body.put("governance_rules", List.of(Map.of("name", "main", "rules", List.of(Map.of(
                "type", "MULTI_AUTHORIZATIONS", "data", List.of(Map.of("users", approvers, "quorum", quorum)))))));
        return account(client, body);
    }

    public static JsonNode deposit(ApiClient client, long accountId, String amount) {
        ApiResponse deposit = client.post("/sandbox/accounts/" + accountId + "/deposits", Map.of("amount", amount));
        assertThat(deposit.status()).as(deposit.raw()).isEqualTo(200);
        return deposit.json();
    }

    public static long mine(ApiClient client, String currency, int blocks) {
        ApiResponse mined = client.post("/sandbox/networks/" + currency + "/blocks", Map.of("count", blocks));
        assertThat(mined.status()).as(mined.raw()).isEqualTo(200);
        return mined.get("height").asLong();
    }
}
