package io.coffer.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.contract.OpenApiDocuments;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.ApproverKey;
import io.coffer.testing.Engine;
import io.coffer.testing.Governed;
import io.coffer.testing.Governed.Approver;
import io.coffer.testing.LiveWorkspace;
import io.coffer.testing.Sandbox;
import io.coffer.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A live workspace from its creation by the command line to an account with its address: no sandbox
 * call works in it, users get in through approved requests and claim their own API keys, and what
 * one admin alone could do is what the quorum lets it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class LiveWorkspaceStoryCases {

    protected abstract Engine engine();

    private final ApproverKey bossKey = ApproverKey.generate();
    private LiveWorkspace live;
    private TestServer server;

    @BeforeAll
    void createWithTheCommandLineThenStart() throws Exception {
        live = LiveWorkspace.create(engine(), "treasury", List.of("--username", "boss", "--public-key",
                bossKey.publicHex()));
        server = live.start(engine());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Approver boss() {
        return new Approver(live.admin(), bossKey, Sandbox.bearerClient(server, live.name(), live.admin()));
    }

    @Test
    @Order(1)
    void theCommandPrintsTheFirstAdminsKeyOnceAndTheWorkspaceIsLive() {
        assertThat(live.name()).isEqualTo("treasury");
        assertThat(live.admin().path("username").asText()).isEqualTo("boss");
        assertThat(live.admin().path("api_key_secret").asText()).hasSizeGreaterThan(20);
        JsonNode workspace = boss().client().get("/workspace").json();
        assertThat(workspace.path("kind").asText()).isEqualTo("LIVE");
        JsonNode me = boss().client().get("/users/" + live.admin().path("id").asLong()).json();
        assertThat(me.path("role").asText()).isEqualTo("ADMIN");
    }

    @Test
    @Order(2)
    void everySandboxCallIsRefusedAndChangesNothing() {
        ApiClient admin = boss().client();
        long usersBefore = admin.get("/users").get("page_info").path("count").asLong();
        String clockBefore = admin.get("/workspace").text("now");
        List<String> answered = new ArrayList<>();
        OpenApiDocuments.coffer().path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/sandbox/") || path.getKey().equals("/sandbox/workspaces")) {
                return;
            }
            String concrete = path.getKey().replaceAll("\\{currency}", "bitcoin").replaceAll("\\{[^}]+}", "1");
            path.getValue().fieldNames().forEachRemaining(method -> {
                ApiResponse answer = admin.send(method.toUpperCase(), concrete, method.equals("post")
                        ? "{\"advance_seconds\":86400,\"username\":\"sneaky\",\"role\":\"ADMIN\",\"amount\":\"1\"}" : null);
                if (answer.status() != 403) {
                    answered.add(method + " " + path.getKey() + " -> " + answer.status());
                }
            });
        });
        assertThat(answered).isEmpty();
        assertThat(admin.get("/users").get("page_info").path("count").asLong()).isEqualTo(usersBefore);
        assertThat(admin.get("/workspace").text("now").compareTo(clockBefore)).isGreaterThanOrEqualTo(0);
        assertThat(java.time.Duration.between(java.time.OffsetDateTime.parse(clockBefore),
                java.time.OffsetDateTime.parse(admin.get("/workspace").text("now"))).toHours()).isZero();
    }

    @Test
    @Order(3)
    void aUserJoinsThroughAnApprovedRequestAndClaimsItsOwnKey() {
        Approver boss = boss();
        ApproverKey aliceKey = ApproverKey.generate();
        ApiResponse requested = boss.client().post("/requests", Map.of("type", "CREATE_OPERATOR", "data",
                Map.of("username", "alice", "public_key", aliceKey.publicHex())));
        assertThat(requested.status()).as(requested.raw()).isEqualTo(200);
        long aliceId = requested.get("target_id").asLong();
        assertThat(claim("alice", aliceKey).status()).as("no access before approval").isEqualTo(401);
        assertThat(Governed.approve(boss, requested.id()).text("status")).isEqualTo("APPROVED");

        ApiResponse claimed = claim("alice", aliceKey);
        assertThat(claimed.status()).as(claimed.raw()).isEqualTo(200);
        assertThat(claimed.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode alice = claimed.get("api_user");
        assertThat(alice.path("id").asLong()).isEqualTo(aliceId);
        ApiClient aliceClient = Sandbox.bearerClient(server, live.name(), alice);
        alice = claimed.get("api_user");
        assertThat(aliceClient.get("/users/" + aliceId).text("status")).isEqualTo("ACTIVE");

        // Only the holder of the approved key can claim: another key, or the admin's, gets nothing.
        assertThat(claim("alice", ApproverKey.generate()).status()).isEqualTo(401);
        assertThat(claim("alice", bossKey).status()).isEqualTo(401);

        // A signed claim works once: replaying it gives nothing.
        ApiClient anonymous = server.anonymous().with("X-Ledger-Workspace", live.name());
        String challenge = anonymous.get("/auth/api-access/challenge?username=alice").text("challenge");
        String jws = aliceKey.sign(challenge);
        ApiResponse first = anonymous.post("/auth/api-access", Map.of("jws", jws));
        assertThat(first.status()).isEqualTo(200);
        assertThat(anonymous.post("/auth/api-access", Map.of("jws", jws)).status()).as("a replayed claim").isEqualTo(401);
        aliceClient = Sandbox.bearerClient(server, live.name(), first.get("api_user"));

        // Claiming again rotates the key: the former secret and its sessions end at once.
        JsonNode rotated = claim("alice", aliceKey).get("api_user");
        assertThat(aliceClient.get("/accounts").status()).isEqualTo(401);
        assertThat(Sandbox.legacyClient(server, live.name(), alice).get("/accounts").status()).isEqualTo(401);
        assertThat(Sandbox.bearerClient(server, live.name(), rotated).get("/accounts").status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void anAccountIsCreatedByRequestAndShowsItsSignedAddress() {
        Approver boss = boss();
        ApiResponse requested = boss.client().post("/requests", Map.of("type", "CREATE_ACCOUNT", "data", Map.of(
                "account_data", Map.of("name", "cold", "currency", "bitcoin"))));
        assertThat(requested.status()).as(requested.raw()).isEqualTo(200);
        long account = requested.get("target_id").asLong();
        assertThat(boss.client().get("/accounts/" + account).text("status")).isEqualTo("PENDING");
        assertThat(Governed.approve(boss, requested.id()).status()).isEqualTo(200);
        JsonNode opened = boss.client().get("/accounts/" + account).json();
        assertThat(opened.path("status").asText()).isEqualTo("ACTIVE");
        String jwt = boss.client().get("/accounts/" + account + "/address").json().asText();
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains(opened.path("address").asText()).contains("bitcoin");
        assertThat(opened.path("address").asText()).startsWith("bc1q");
        assertThat(boss.client().post("/sandbox/accounts/" + account + "/deposits", Map.of("amount", "100")).status())
                .as("no invented money in a live workspace").isEqualTo(403);
    }

    @Test
    @Order(5)
    void approvalKeysChangeThroughGovernedRequestsAndTheQuorumBindsEveryAdmin() {
        Approver boss = boss();
        ApproverKey deputyKey = ApproverKey.generate();
        long deputyRequest = boss.client().post("/requests", Map.of("type", "CREATE_API_USER", "data", Map.of(
                "username", "deputy", "role", "ADMIN", "public_key", deputyKey.publicHex()))).id();
        assertThat(Governed.approve(boss, deputyRequest).text("status")).isEqualTo("APPROVED");
        JsonNode deputyUser = claim("deputy", deputyKey).get("api_user");
        Approver deputy = new Approver(deputyUser, deputyKey, Sandbox.bearerClient(server, live.name(), deputyUser));

        long quorum = boss.client().post("/requests", Map.of("type", "UPDATE_QUORUM", "data", Map.of("quorum", 2))).id();
        assertThat(Governed.approve(boss, quorum).text("status")).isEqualTo("APPROVED");
        assertThat(boss.client().get("/organization").get("quorum").asInt()).isEqualTo(2);

        // From now on one admin alone adds no one.
        ApproverKey thirdKey = ApproverKey.generate();
        long third = boss.client().post("/requests", Map.of("type", "CREATE_API_USER", "data", Map.of(
                "username", "third", "role", "ADMIN", "public_key", thirdKey.publicHex()))).id();
        assertThat(Governed.approve(boss, third).text("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(claim("third", thirdKey).status()).isEqualTo(401);

        // The deputy moves to a new key: its old key no longer approves, the new one does.
        ApproverKey newDeputyKey = ApproverKey.generate();
        long migrate = deputy.client().post("/requests", Map.of("type", "MIGRATE_ADMIN", "data", Map.of(
                "user_id", deputy.id(), "public_key", newDeputyKey.publicHex()))).id();
        assertThat(Governed.approve(deputy, migrate).text("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(Governed.approve(boss, migrate).text("status")).isEqualTo("APPROVED");
        assertThat(deputy.client().get("/accounts").status()).as("a replaced key ends the sessions it claimed")
                .isEqualTo(401);
        assertThat(claim("deputy", deputyKey).status()).as("the old key claims nothing more").isEqualTo(401);
        JsonNode reclaimed = claim("deputy", newDeputyKey).get("api_user");
        ApiClient deputyAgain = Sandbox.bearerClient(server, live.name(), reclaimed);
        ApiResponse withOldKey = Governed.approve(new Approver(reclaimed, deputyKey, deputyAgain), third);
        assertThat(withOldKey.status()).isEqualTo(400);
        assertThat(withOldKey.text("message")).contains("does not verify");
        Approver renewed = new Approver(reclaimed, newDeputyKey, deputyAgain);
        assertThat(Governed.approve(renewed, third).text("status")).isEqualTo("APPROVED");
        assertThat(claim("third", thirdKey).status()).isEqualTo(200);
        assertThat(boss.client().post("/requests", Map.of("type", "MIGRATE_OPERATOR", "data", Map.of(
                "user_id", deputy.id(), "public_key", newDeputyKey.publicHex()))).status())
                .as("an admin's key changes by MIGRATE_ADMIN").isEqualTo(400);
    }

    private ApiResponse claim(String username, ApproverKey key) {
        ApiClient anonymous = server.anonymous().with("X-Ledger-Workspace", live.name());
        ApiResponse challenge = anonymous.get("/auth/api-access/challenge?username=" + username);
        assertThat(challenge.status()).as(challenge.raw()).isEqualTo(200);
        return anonymous.post("/auth/api-access", Map.of("jws", key.sign(challenge.text("challenge"))));
    }
}
