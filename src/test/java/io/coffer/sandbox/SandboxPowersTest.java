package io.coffer.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.contract.OpenApiDocuments;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Engine;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sandbox bypasses governance, so in a sandbox workspace only admins may use what changes
 * something: an operator's integration meets exactly the rules it will meet live. Reads stay open.
 */
class SandboxPowersTest extends ServerCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }

    @Test
    void everySandboxChangeIsForAdminsOnly() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        JsonNode operator = Sandbox.apiUser(ws.client(), "OPERATOR", true);
        ApiClient client = Sandbox.bearerClient(server, ws.name(), operator);
        List<String> allowed = new ArrayList<>();
        OpenApiDocuments.coffer().path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/sandbox/") || path.getKey().equals("/sandbox/workspaces")) {
                return;
            }
            if (path.getValue().has("post")) {
                String concrete = path.getKey().replaceAll("\\{currency}", "bitcoin").replaceAll("\\{[^}]+}", "1");
                ApiResponse answer = client.post(concrete, Map.of());
                if (answer.status() != 403) {
                    allowed.add("POST " + path.getKey() + " answered " + answer.status());
                }
            }
        });
        assertThat(allowed).isEmpty();
        assertThat(client.get("/sandbox/clock").status()).as("reading the clock changes nothing").isEqualTo(200);
        assertThat(client.get("/workspace").get("kind").asText()).isEqualTo("SANDBOX");
    }

    @Test
    void theClockCanBeReadWithoutMovingIt() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        OffsetDateTime first = OffsetDateTime.parse(ws.client().get("/sandbox/clock").text("now"));
        OffsetDateTime moved = OffsetDateTime.parse(ws.client().post("/sandbox/clock", Map.of("advance_seconds", 3600))
                .text("now"));
        assertThat(Duration.between(first, moved).toSeconds()).isBetween(3600L, 3660L);
        ApiClient later = Sandbox.bearerClient(server, ws.name(), ws.admin());
        OffsetDateTime read = OffsetDateTime.parse(later.get("/sandbox/clock").text("now"));
        assertThat(read).isAfterOrEqualTo(moved);
        assertThat(Duration.between(moved, read).toSeconds()).isLessThan(60);
        assertThat(OffsetDateTime.parse(later.get("/workspace").text("now"))).isAfterOrEqualTo(moved);
    }

    /** Settings without a timer stored a timer of 0 seconds, and the next round of timers divided by it. */
    @Test
    void settingTheFailureRateAloneLeavesNoTimer() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        ApiResponse settings = ws.client().post("/sandbox/networks/bitcoin/settings", Map.of("failure_rate", 0.5));
        assertThat(settings.json().has("block_interval_seconds")).as(settings.raw()).isFalse();
        assertThat(ws.client().post("/sandbox/networks/bitcoin/settings", Map.of("failure_rate", 0)).json()
                .has("block_interval_seconds")).isFalse();
        assertThat(ws.client().post("/sandbox/clock", Map.of("advance_seconds", 1)).status()).isEqualTo(200);
    }

    /** Turning a block timer on used to mine every block "missed" since the last one (144 after a day). */
    @Test
    void aBlockTimerStartsWhenItIsTurnedOn() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        ApiClient admin = ws.client();
        long height = Sandbox.mine(admin, "litecoin", 1);
        admin.post("/sandbox/clock", Map.of("advance_seconds", 86_400));
        admin = Sandbox.bearerClient(server, ws.name(), ws.admin());
        ApiResponse settings = admin.post("/sandbox/networks/litecoin/settings", Map.of("block_interval_seconds", 600));
        assertThat(settings.status()).as(settings.raw()).isEqualTo(200);
        assertThat(Sandbox.mine(admin, "litecoin", 1)).as("no block owed for the day before the timer").isEqualTo(height + 1);
        admin.post("/sandbox/clock", Map.of("advance_seconds", 1_250));
        admin = Sandbox.bearerClient(server, ws.name(), ws.admin());
        assertThat(Sandbox.mine(admin, "litecoin", 1)).as("two intervals passed, then one more block")
                .isEqualTo(height + 4);
    }
}
