package io.coffer.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.testing.Engine;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A workspace or credential header sent twice with different values is a 400 in the error shape,
 * not resolved by taking one of them (found by SpecFuzzTest, which answered 200 for the first).
 */
class RepeatedHeadersTest extends ServerCases {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    protected Engine engine() {
        return Engine.H2;
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(HttpResponse<String> answer, String header) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode body = new ObjectMapper().readTree(answer.body());
        assertThat(body.path("status_code").asInt()).isEqualTo(400);
        assertThat(body.path("message").asText()).contains(header);
    }

    @Test
    void twoWorkspacesOrTwoCredentialsAreRefused() throws Exception {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        Sandbox.Workspace other = Sandbox.workspace(server);
        String user = ws.admin().path("username").asText();
        String key = ws.admin().path("api_key_secret").asText();

        assertThat(get("/accounts", "X-Ledger-Workspace", ws.name(), "X-Ledger-API-User", user,
                "X-Ledger-API-Key", key).statusCode()).as("the same call with each header once").isEqualTo(200);
        assertRefused(get("/accounts", "X-Ledger-Workspace", ws.name(), "X-Ledger-Workspace", other.name(),
                "X-Ledger-API-User", user, "X-Ledger-API-Key", key), "X-Ledger-Workspace");
        assertRefused(get("/accounts", "X-Ledger-Workspace", ws.name(), "X-Ledger-API-User", user,
                "X-Ledger-API-User", user + "-other", "X-Ledger-API-Key", key), "X-Ledger-API-User");
        assertRefused(get("/accounts", "X-Ledger-Workspace", ws.name(), "Authorization", "Bearer a",
                "Authorization", "Bearer b"), "Authorization");
        assertThat(get("/accounts", "X-Ledger-Workspace", ws.name(), "X-Ledger-Workspace", ws.name(),
                "X-Ledger-API-User", user, "X-Ledger-API-Key", key).statusCode())
                .as("the same value twice names one workspace").isEqualTo(200);
        assertThat(List.of(ws.name(), other.name())).doesNotHaveDuplicates();
    }
}
