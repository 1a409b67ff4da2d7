package io.coffer.limits;

import static io.coffer.limits.LimitsFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.ApproverKey;
import io.coffer.testing.Engine;
import io.coffer.testing.LiveWorkspace;
import io.coffer.testing.Sandbox;
import io.coffer.testing.TestServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A live workspace (made by the command line) enforces the server's limits from the start, with the
 * values of the COFFER_RATE_LIMIT_* variables, and cannot turn them off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveRateLimitsTest {

    private final ApproverKey bossKey = ApproverKey.generate();
    private LiveWorkspace live;
    private TestServer server;
    private ApiClient boss;

    @BeforeAll
    void start() throws Exception {
        live = LiveWorkspace.create(Engine.H2, "limited", List.of("--username", "boss", "--public-key",
                bossKey.publicHex()));
        Map<String, String> env = new HashMap<>(live.env());
        env.put("COFFER_RATE_LIMIT_OTHER_POSTS_PER_HOUR", "3");
        env.put("COFFER_RATE_LIMIT_PENDING_REQUESTS", "2");
        env.put("COFFER_RATE_LIMIT_READS_PER_MINUTE", "40");
        server = TestServer.start(Engine.H2, env);
        boss = Sandbox.legacyClient(server, live.name(), live.admin());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void pendingAndHourlyLimitsHoldFromTheStart() {
        ApiResponse invalid = boss.post("/requests", Map.of("type", "CREATE_OPERATOR", "data", Map.of("username", "x")));
        assertThat(invalid.status()).as(invalid.raw()).isEqualTo(400);
        assertThat(header(invalid, "X-RateLimit-Remaining")).as("a refusal does not count").isEqualTo("3");

        ApiResponse alice = operator("alice");
        assertThat(alice.status()).as(alice.raw()).isEqualTo(200);
        assertThat(header(alice, "X-RateLimit-Limit")).isEqualTo("3");
        assertThat(header(alice, "X-RateLimit-Remaining")).isEqualTo("2");
        assertThat(operator("bob").status()).isEqualTo(200);

        ApiResponse pending = operator("carol");
        assertThat(pending.status()).as(pending.raw()).isEqualTo(420);
        assertThat(pending.text("message")).contains("pending requests");
        assertThat(header(pending, "X-RateLimit-Limit")).isEqualTo("2");
        assertThat(header(pending, "X-RateLimit-Remaining")).isEqualTo("0");

        String challenge = boss.get("/requests/" + alice.id() + "/challenge/reject").text("challenge");
        ApiResponse rejected = boss.post("/requests/" + alice.id() + "/reject", Map.of("jws", bossKey.sign(challenge)));
        assertThat(rejected.status()).as(rejected.raw()).isEqualTo(200);
        assertThat(header(rejected, "X-RateLimit-Remaining")).isEqualTo("0");

        ApiResponse hourly = operator("carol");
        assertThat(hourly.status()).as(hourly.raw()).isEqualTo(420);
        assertThat(header(hourly, "X-RateLimit-Limit")).isEqualTo("3");
        assertThat(Long.parseLong(header(hourly, "Retry-After"))).isBetween(1L, 3600L);
        assertThat(hourly.text("message")).contains("at most 3");
    }

    @Test
    @Order(2)
    void theSandboxCannotTurnThemOff() {
        ApiResponse off = boss.post("/sandbox/rate-limits", Map.of("enabled", false));
        assertThat(off.status()).as(off.raw()).isEqualTo(403);
    }

    @Test
    @Order(3)
    void readsHaveAGenerousLimitPerMinute() {
        ApiResponse first = boss.get("/workspace");
        assertThat(header(first, "X-RateLimit-Limit")).isEqualTo("40");
        ApiResponse last = first;
        for (int i = 0; i < 81 && last.status() == 200; i++) {
            last = boss.get("/workspace");
        }
        // At most two minutes' worth of reads reach the limit, whenever the test runs.
        assertThat(last.status()).as(last.raw()).isEqualTo(420);
        assertThat(header(last, "X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(header(last, "Retry-After"))).isBetween(1L, 60L);
    }

    private ApiResponse operator(String name) {
        return boss.post("/requests", Map.of("type", "CREATE_OPERATOR", "data", Map.of("username", name,
                "public_key", ApproverKey.generate().publicHex())));
    }
}
