package io.coffer.limits;

import static io.coffer.limits.LimitsFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Idempotency keys through HTTP: a repetition replays the first answer and does nothing again,
 * concurrent repetitions run once, keys belong to a user of a workspace and last 24 hours of its
 * clock.
 */
abstract class IdempotencyCases extends ServerCases {

    @Test
    void aRepeatedSendReplaysTheFirstAnswerAndSendsOnce() {
        LimitsFixture ws = LimitsFixture.create(server);
        ApiClient keyed = ws.client().with("Idempotency-Key", "send-0001");
        String available = available(ws);
        ApiResponse first = keyed.post("/requests", ws.send(12345));
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(header(first, "Idempotent-Replayed")).isNull();
        String reserved = available(ws);
        assertThat(reserved).isNotEqualTo(available);

        for (int i = 0; i < 3; i++) {
            ApiResponse again = keyed.post("/requests", ws.send(12345));
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.raw()).isEqualTo(first.raw());
            assertThat(header(again, "Content-Type")).isEqualTo(header(first, "Content-Type"));
            assertThat(header(again, "Idempotent-Replayed")).isEqualTo("true");
        }
        assertThat(ws.openRequests()).as("one request").isEqualTo(1);
        assertThat(available(ws)).as("one reservation").isEqualTo(reserved);
        assertThat(ws.client().get("/transactions?type=SEND").get("page_info").path("count").asInt()).isEqualTo(1);

        // Without a key, or with another, the same body is a new request.
        assertThat(ws.client().post("/requests", ws.send(12345)).id()).isNotEqualTo(first.id());
        assertThat(ws.client().with("Idempotency-Key", "send-0002").post("/requests", ws.send(12345)).id())
                .isNotEqualTo(first.id());
        assertThat(ws.openRequests()).isEqualTo(3);
    }

    @Test
    void aRefusalIsReplayedTooAndNothingRunsAgain() {
        LimitsFixture ws = LimitsFixture.create(server);
        ApiClient keyed = ws.client().with("Idempotency-Key", "overdraft");
        ApiResponse first = keyed.post("/requests", ws.send("1" + "0".repeat(24)));
        assertThat(first.status()).isEqualTo(400);
        ApiResponse again = keyed.post("/requests", ws.send("1" + "0".repeat(24)));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.raw()).isEqualTo(first.raw());
        assertThat(header(again, "Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aRefusalOfARouteWhoseAnswersCarrySecretsIsReplayedAsIt() {
        LimitsFixture ws = LimitsFixture.create(server);
        ApiClient keyed = ws.client().with("Idempotency-Key", "bad-reporting-key");
        ApiResponse first = keyed.post("/reporting-keys", java.util.Map.of("name", "x", "entities", List.of()));
        assertThat(first.status()).as(first.raw()).isEqualTo(400);
        ApiResponse again = keyed.post("/reporting-keys", java.util.Map.of("name", "x", "entities", List.of()));
        assertThat(again.status()).as("a refusal holds no secret: replayed, not withheld").isEqualTo(400);
        assertThat(again.raw()).isEqualTo(first.raw());
        assertThat(header(again, "Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void theSameKeyWithAnotherRequestIsA400() {
        LimitsFixture ws = LimitsFixture.create(server);
        ApiClient keyed = ws.client().with("Idempotency-Key", "reused");
        long id = keyed.post("/requests", ws.send(1)).id();
        ApiResponse otherBody = keyed.post("/requests", ws.send(2));
        assertThat(otherBody.status()).as(otherBody.raw()).isEqualTo(400);
        assertThat(otherBody.text("message")).contains("Idempotency-Key");
        ApiResponse otherPath = keyed.post("/transactions/estimate-fees", ws.send(1));
        assertThat(otherPath.status()).as(otherPath.raw()).isEqualTo(400);
        assertThat(ws.openRequests()).isEqualTo(1);
        assertThat(keyed.post("/requests", ws.send(1)).id()).as("the first still replays").isEqualTo(id);
    }

    @Test
    void aKeyMustBeOneTo255PrintableAsciiCharacters() {
        LimitsFixture ws = LimitsFixture.create(server);
        for (String bad : List.of("k".repeat(256), "tab\there", "   ")) {
            ApiResponse answer = ws.client().with("Idempotency-Key", bad).post("/requests", ws.send(1));
            assertThat(answer.status()).as("key '" + bad + "': " + answer.raw()).isEqualTo(400);
            assertThat(answer.text("message")).contains("Idempotency-Key");
            ApiResponse open = server.anonymous().with("Idempotency-Key", bad).post("/sandbox/workspaces",
                    Map.of("name", Sandbox.uniqueName("never")));
            assertThat(open.status()).as("open POSTs check the key too").isEqualTo(400);
        }
        assertThat(ws.openRequests()).isZero();
        for (String good : List.of("k".repeat(255), "a b,c;d=\"~\"", "x")) {
            ApiResponse answer = ws.client().with("Idempotency-Key", good).post("/requests", ws.send(1));
            assertThat(answer.status()).as("key '" + good + "': " + answer.raw()).isEqualTo(200);
            assertThat(ws.client().with("Idempotency-Key", good).post("/requests", ws.send(1)).raw())
                    .isEqualTo(answer.raw());
        }
        assertThat(ws.openRequests()).isEqualTo(3);
    }

    @Test
    void keysBelongToAUserOfAWorkspace() {
        LimitsFixture one = LimitsFixture.create(server);
        LimitsFixture two = LimitsFixture.create(server);
        long first = one.client().with("Idempotency-Key", "shared").post("/requests", one.send(1)).id();
        long other = two.client().with("Idempotency-Key", "shared").post("/requests", two.send(1)).id();
        assertThat(other).as("another workspace").isNotEqualTo(first);

        JsonNode admin2 = Sandbox.apiUser(one.client(), "ADMIN", true);
        ApiClient secondAdmin = Sandbox.legacyClient(server, one.workspace(), admin2).with("Idempotency-Key", "shared");
        ApiResponse estimate = secondAdmin.post("/transactions/estimate-fees", one.send(1));
        assertThat(estimate.status()).as("another user's key, with another request: " + estimate.raw()).isEqualTo(200);
        assertThat(header(estimate, "Idempotent-Replayed")).isNull();
        assertThat(one.openRequests()).isEqualTo(1);
        assertThat(two.openRequests()).isEqualTo(1);
    }

    @Test
    void sixteenConcurrentSendsWithOneKeyCreateOneRequest() throws Exception {
        LimitsFixture ws = LimitsFixture.create(server);
        ApiClient keyed = ws.client().with("Idempotency-Key", "burst");
        List<ApiResponse> answers = io.coffer.testing.Parallel.calls(16, i -> keyed.post("/requests", ws.send(777)));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.raw()).isEqualTo(200));
        Set<String> bodies = answers.stream().map(ApiResponse::raw).collect(Collectors.toSet());
        assertThat(bodies).hasSize(1);
        assertThat(answers.stream().filter(answer -> header(answer, "Idempotent-Replayed") == null).count())
                .as("one ran, fifteen replayed").isEqualTo(1);
        assertThat(ws.openRequests()).isEqualTo(1);
        assertThat(ws.client().get("/transactions?type=SEND").get("page_info").path("count").asInt()).isEqualTo(1);
    }

    @Test
    void aKeyLastsTwentyFourHoursOfTheWorkspaceClock() {
        LimitsFixture ws = LimitsFixture.create(server);
        ApiClient keyed = ws.client().with("Idempotency-Key", "daily");
        long first = keyed.post("/requests", ws.send(5)).id();
        ws.advance(86_399);
        assertThat(keyed.post("/requests", ws.send(5)).id()).as("still within the day").isEqualTo(first);
        ws.advance(2);
        ApiResponse next = keyed.post("/requests", ws.send(6));
        assertThat(next.status()).as("expired: another body is a new request, no 400: " + next.raw()).isEqualTo(200);
        assertThat(next.id()).isNotEqualTo(first);
        assertThat(keyed.post("/requests", ws.send(6)).id()).as("and the key is the new request's").isEqualTo(next.id());
    }

    @Test
    void anAnswerCarryingASecretIsNotKeptButTheCallRunsOnce() {
        LimitsFixture ws = LimitsFixture.create(server);
        ApiClient keyed = ws.client().with("Idempotency-Key", "new-user");
        Map<String, Object> body = Map.of("username", Sandbox.uniqueName("u"), "role", "OPERATOR");
        ApiResponse created = keyed.post("/sandbox/api-users", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        long users = ws.client().get("/users").get("page_info").path("count").asLong();
        ApiResponse again = keyed.post("/sandbox/api-users", body);
        assertThat(again.status()).as(again.raw()).isEqualTo(409);
        assertThat(again.raw()).doesNotContain(created.get("api_user").path("api_key_secret").asText());
        assertThat(ws.client().get("/users").get("page_info").path("count").asLong()).isEqualTo(users);
    }

    private static String available(LimitsFixture ws) {
        return ws.client().get("/accounts/" + ws.account().path("id").asLong() + "/balances").text("available");
    }
}
