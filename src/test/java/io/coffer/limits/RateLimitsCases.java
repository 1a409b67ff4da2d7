package io.coffer.limits;

import static io.coffer.limits.LimitsFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hourly POST limits and the pending-requests limit through HTTP, in sandbox workspaces that
 * turned them on, counted on the workspace clock (moved to cross a reset).
 */
abstract class RateLimitsCases extends ServerCases {

    @Test
    void theFiftyFirstTransactionRequestOfAnHourIsA420UntilTheHourIsOver() {
        LimitsFixture ws = LimitsFixture.create(server);
        JsonNode settings = ws.enable(Map.of());
        assertThat(settings.path("enabled").asBoolean()).isTrue();
        assertThat(settings.path("transaction_requests_per_hour").asInt()).isEqualTo(50);
        assertThat(settings.path("other_posts_per_hour").asInt()).isEqualTo(600);
        assertThat(settings.path("pending_requests").asInt()).isEqualTo(100);
        Instant hour = ws.startOfAnHour();
        long reset = hour.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS).getEpochSecond();

        for (int i = 1; i <= 50; i++) {
            ApiResponse sent = ws.client().post("/requests", ws.send(1000 + i));
            assertThat(sent.status()).as(sent.raw()).isEqualTo(200);
            assertThat(header(sent, "X-RateLimit-Limit")).isEqualTo("50");
            assertThat(header(sent, "X-RateLimit-Remaining")).isEqualTo(Integer.toString(50 - i));
            assertThat(header(sent, "X-RateLimit-Reset")).isEqualTo(Long.toString(reset));
            if (i < 50) {
                assertThat(header(sent, "Retry-After")).isEqualTo("0");
            }
        }
        ApiResponse refused = ws.client().post("/requests", ws.send(2000));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(420);
        assertThat(refused.text("name")).isEqualTo("RateLimitError");
        assertThat(refused.get("status_code").asInt()).isEqualTo(420);
        assertThat(header(refused, "X-RateLimit-Limit")).isEqualTo("50");
        assertThat(header(refused, "X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(header(refused, "X-RateLimit-Reset")).isEqualTo(Long.toString(reset));
        long retryAfter = Long.parseLong(header(refused, "Retry-After"));
        assertThat(retryAfter).isBetween(1L, 3600L);
        assertThat(ws.openRequests()).as("the refused request created nothing").isEqualTo(50);

        // Retry-After brings the workspace clock to the next hour, where the count starts again.
        ws.advance(retryAfter);
        ApiResponse again = ws.client().post("/requests", ws.send(2000));
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(header(again, "X-RateLimit-Remaining")).isEqualTo("49");
        assertThat(header(again, "X-RateLimit-Reset")).isEqualTo(Long.toString(reset + 3600));
    }

    @Test
    void onlySuccessfulTransactionRequestsCount() {
        LimitsFixture ws = LimitsFixture.create(server);
        ws.enable(Map.of("transaction_requests_per_hour", 2));
        ws.startOfAnHour();
        ApiResponse overdraft = ws.client().post("/requests", ws.send("1" + "0".repeat(24)));
        assertThat(overdraft.status()).as(overdraft.raw()).isEqualTo(400);
        assertThat(header(overdraft, "X-RateLimit-Remaining")).as("a refused request gives its unit back").isEqualTo("2");
        ApiResponse unreadable = ws.client().postRaw("/requests", "{\"type\": \"CREATE_TRANSACTION\", \"data\": 7}");
        assertThat(unreadable.status()).as(unreadable.raw()).isEqualTo(400);

        assertThat(header(ws.client().post("/requests", ws.send(1)), "X-RateLimit-Remaining")).isEqualTo("1");
        ApiResponse last = ws.client().post("/requests", ws.send(2));
        assertThat(last.status()).isEqualTo(200);
        assertThat(header(last, "X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(header(last, "Retry-After"))).isPositive();
        assertThat(ws.client().post("/requests", ws.send(3)).status()).isEqualTo(420);
    }

    @Test
    void aRefusalKeptUnderAnIdempotencyKeyCounts() {
        LimitsFixture ws = LimitsFixture.create(server);
        ws.enable(Map.of("other_posts_per_hour", 2));
        ws.startOfAnHour();
        for (int i = 1; i <= 2; i++) {
            ApiResponse refused = ws.client().with("Idempotency-Key", "bad-" + i)
                    .post("/reporting-keys", Map.of("name", "x", "entities", List.of()));
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(header(refused, "X-RateLimit-Remaining")).as("a kept answer is a row: it counts")
                    .isEqualTo(Integer.toString(2 - i));
        }
        assertThat(ws.client().with("Idempotency-Key", "bad-3").post("/reporting-keys",
                Map.of("name", "x", "entities", List.of())).status()).isEqualTo(420);
        assertThat(ws.client().with("Idempotency-Key", "bad-1").post("/reporting-keys",
                Map.of("name", "x", "entities", List.of())).status()).as("a replay takes nothing").isEqualTo(400);
    }

    @Test
    void theOtherPostsHaveTheirOwnHourlyCountAndTheSandboxToolsNone() {
        LimitsFixture ws = LimitsFixture.create(server);
        JsonNode settings = ws.enable(Map.of("other_posts_per_hour", 3));
        assertThat(settings.path("other_posts_per_hour").asInt()).isEqualTo(3);
        assertThat(settings.path("transaction_requests_per_hour").asInt()).isEqualTo(50);
        ws.startOfAnHour();
        for (int i = 1; i <= 3; i++) {
            ApiResponse estimate = ws.client().post("/transactions/estimate-fees", ws.send(10));
            assertThat(estimate.status()).as(estimate.raw()).isEqualTo(200);
            assertThat(header(estimate, "X-RateLimit-Limit")).isEqualTo("3");
            assertThat(header(estimate, "X-RateLimit-Remaining")).isEqualTo(Integer.toString(3 - i));
        }
        ApiResponse refused = ws.client().post("/transactions/estimate-fees", ws.send(10));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(420);
        assertThat(header(refused, "X-RateLimit-Limit")).isEqualTo("3");
        assertThat(refused.text("message")).contains("at most 3");

        ApiResponse send = ws.client().post("/requests", ws.send(10));
        assertThat(send.status()).as("transaction requests count apart").isEqualTo(200);
        assertThat(header(send, "X-RateLimit-Limit")).isEqualTo("50");
        ApiResponse group = ws.client().post("/requests", Map.of("type", "CREATE_GROUP", "data",
                Map.of("name", Sandbox.uniqueName("g"), "members", List.of(ws.admin().id()))));
        assertThat(group.status()).as("administrative requests are other POSTs").isEqualTo(420);
        ApiResponse deposit = ws.client().post("/sandbox/accounts/" + ws.account().path("id").asLong() + "/deposits",
                Map.of("amount", "5"));
        assertThat(deposit.status()).isEqualTo(200);
        assertThat(header(deposit, "X-RateLimit-Limit")).as("the sandbox's tools are not limited").isNull();

        ws.advance(Long.parseLong(header(refused, "Retry-After")));
        assertThat(ws.client().post("/transactions/estimate-fees", ws.send(10)).status()).isEqualTo(200);
    }

    @Test
    void thePendingLimitRefusesANewRequestUntilOneIsDecided() {
        LimitsFixture ws = LimitsFixture.create(server);
        ws.enable(Map.of("pending_requests", 3));
        ws.startOfAnHour();
        long first = 0;
        for (int i = 0; i < 3; i++) {
            ApiResponse sent = ws.client().post("/requests", ws.send(100 + i));
            assertThat(sent.status()).as(sent.raw()).isEqualTo(200);
            first = first == 0 ? sent.id() : first;
        }
        ApiResponse refused = ws.client().post("/requests", ws.send(200));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(420);
        assertThat(refused.text("message")).contains("pending requests");
        assertThat(header(refused, "X-RateLimit-Limit")).isEqualTo("3");
        assertThat(header(refused, "X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(header(refused, "Retry-After")).isEqualTo("60");
        assertThat(header(refused, "X-RateLimit-Reset")).isNotNull();
        ApiResponse group = ws.client().post("/requests", Map.of("type", "CREATE_GROUP", "data",
                Map.of("name", Sandbox.uniqueName("g"), "members", List.of(ws.admin().id()))));
        assertThat(group.status()).as("every type of request counts").isEqualTo(420);
        assertThat(ws.openRequests()).isEqualTo(3);

        assertThat(ws.reject(first).status()).isEqualTo(200);
        ApiResponse next = ws.client().post("/requests", ws.send(200));
        assertThat(next.status()).as(next.raw()).isEqualTo(200);
        assertThat(header(next, "X-RateLimit-Remaining")).as("the refused request took nothing of the hour")
                .isEqualTo("46");
    }

    @Test
    void aSandboxLimitsNothingUntilAskedAndStopsWhenToldTo() {
        LimitsFixture ws = LimitsFixture.create(server);
        ApiResponse free = ws.client().post("/requests", ws.send(1));
        assertThat(free.status()).isEqualTo(200);
        assertThat(header(free, "X-RateLimit-Limit")).isNull();
        assertThat(header(ws.client().get("/accounts"), "X-RateLimit-Limit")).isNull();

        ws.enable(Map.of("transaction_requests_per_hour", 1));
        ws.startOfAnHour();
        assertThat(ws.client().post("/requests", ws.send(2)).status()).isEqualTo(200);
        assertThat(ws.client().post("/requests", ws.send(3)).status()).isEqualTo(420);

        ApiResponse off = ws.client().post("/sandbox/rate-limits", Map.of("enabled", false));
        assertThat(off.status()).as(off.raw()).isEqualTo(200);
        assertThat(off.get("enabled").asBoolean()).isFalse();
        for (int i = 0; i < 3; i++) {
            ApiResponse sent = ws.client().post("/requests", ws.send(4 + i));
            assertThat(sent.status()).as(sent.raw()).isEqualTo(200);
            assertThat(header(sent, "X-RateLimit-Limit")).isNull();
        }
    }

    @Test
    void theSettingsRouteChecksItsInputAndItsCaller() {
        LimitsFixture ws = LimitsFixture.create(server);
        for (String bad : List.of("{}", "{\"enabled\": \"yes\"}", "{\"enabled\": 1}",
                "{\"enabled\": true, \"transaction_requests_per_hour\": \"50\"}",
                "{\"enabled\": true, \"other_posts_per_hour\": 1.5}", "{\"enabled\": true, \"pending_requests\": 0}",
                "{\"enabled\": true, \"pending_requests\": 1000001}", "{\"enabled\": true, \"burst\": 3}",
                "[true]", "enabled")) {
            ApiResponse answer = ws.client().postRaw("/sandbox/rate-limits", bad);
            assertThat(answer.status()).as(bad + " -> " + answer.raw()).isEqualTo(400);
        }
        JsonNode operator = Sandbox.apiUser(ws.client(), "OPERATOR", true);
        ApiClient operatorClient = Sandbox.legacyClient(server, ws.workspace(), operator);
        ApiResponse forbidden = operatorClient.post("/sandbox/rate-limits", Map.of("enabled", true));
        assertThat(forbidden.status()).as(forbidden.raw()).isEqualTo(403);
        assertThat(header(ws.client().post("/requests", ws.send(1)), "X-RateLimit-Limit"))
                .as("nothing was turned on").isNull();

        ApiResponse set = ws.client().post("/sandbox/rate-limits", Map.of("enabled", true,
                "transaction_requests_per_hour", 7, "other_posts_per_hour", 8, "pending_requests", 9));
        assertThat(set.json()).isEqualTo(io.coffer.http.Json.mapper().createObjectNode().put("enabled", true)
                .put("transaction_requests_per_hour", 7).put("other_posts_per_hour", 8).put("pending_requests", 9));
    }

    @Test
    void aRefusalIsNotKeptForItsIdempotencyKey() {
        LimitsFixture ws = LimitsFixture.create(server);
        ws.enable(Map.of("transaction_requests_per_hour", 1));
        ws.startOfAnHour();
        assertThat(ws.client().post("/requests", ws.send(1)).status()).isEqualTo(200);
        ApiClient keyed = ws.client().with("Idempotency-Key", "retry-me");
        ApiResponse refused = keyed.post("/requests", ws.send(2));
        assertThat(refused.status()).isEqualTo(420);
        ws.advance(Long.parseLong(header(refused, "Retry-After")));
        ApiResponse done = keyed.post("/requests", ws.send(2));
        assertThat(done.status()).as(done.raw()).isEqualTo(200);
        ApiResponse replayed = keyed.post("/requests", ws.send(2));
        assertThat(replayed.raw()).isEqualTo(done.raw());
        assertThat(header(replayed, "X-RateLimit-Remaining")).as("a replay takes nothing").isEqualTo("0");
        assertThat(ws.openRequests()).isEqualTo(2);
    }
}
