package io.coffer.limits;

import static io.coffer.limits.LimitsFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Engine;
import io.coffer.testing.Sandbox;
import io.coffer.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two Coffer instances on one PostgreSQL database share the counts and the idempotency keys. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedCountOnPostgresTest {

    private TestServer one;
    private TestServer two;

    @BeforeAll
    void startTwo() {
        one = TestServer.start(Engine.POSTGRES);
        two = TestServer.start(Engine.POSTGRES, Map.of("COFFER_DB_URL", one.env().get("COFFER_DB_URL"),
                "COFFER_MASTER_KEY_FILE", one.env().get("COFFER_MASTER_KEY_FILE")));
    }

    @AfterAll
    void stop() {
        if (two != null) {
            two.close();
        }
        if (one != null) {
            one.close();
        }
    }

    @Test
    void theHourlyCountIsOneAcrossInstances() throws Exception {
        LimitsFixture ws = LimitsFixture.create(one);
        ws.enable(Map.of("transaction_requests_per_hour", 6));
        ws.startOfAnHour();
        ApiClient onTwo = Sandbox.legacyClient(two, ws.workspace(), ws.admin().user());
        List<ApiResponse> answers = io.coffer.testing.Parallel.calls(10, i -> (i % 2 == 0 ? ws.client() : onTwo)
                .post("/requests", ws.send(100 + i)));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.raw()).isIn(200, 420));
        assertThat(answers.stream().filter(answer -> answer.status() == 200).count()).isEqualTo(6);
        assertThat(ws.openRequests()).isEqualTo(6);
        ApiResponse refused = onTwo.post("/requests", ws.send(1));
        assertThat(refused.status()).isEqualTo(420);
        assertThat(header(refused, "X-RateLimit-Remaining")).isEqualTo("0");
    }

    @Test
    void aKeyRunsOnceWhicheverInstanceItReaches() throws Exception {
        LimitsFixture ws = LimitsFixture.create(one);
        ApiClient onOne = ws.client().with("Idempotency-Key", "both");
        ApiClient onTwo = Sandbox.legacyClient(two, ws.workspace(), ws.admin().user()).with("Idempotency-Key", "both");
        List<ApiResponse> answers = io.coffer.testing.Parallel.calls(16, i -> (i % 2 == 0 ? onOne : onTwo)
                .post("/requests", ws.send(4242)));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.raw()).isEqualTo(200));
        Set<String> bodies = answers.stream().map(ApiResponse::raw).collect(Collectors.toSet());
        assertThat(bodies).hasSize(1);
        assertThat(ws.openRequests()).isEqualTo(1);
    }
}
