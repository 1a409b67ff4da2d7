package io.coffer.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Governed;
import io.coffer.testing.Sandbox;
import io.coffer.testing.TestServer;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A sandbox workspace with a funded Ethereum account its admin alone governs, for limit tests. */
record LimitsFixture(String workspace, Governed.Approver admin, ApiClient client, JsonNode account) {

    static final String RECIPIENT = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    static final String MAX_FEE = BigInteger.valueOf(21_000).multiply(BigInteger.valueOf(41_500_000_000L)).toString();

    /** The workspace; its admin's client uses the legacy headers, which survive moving the clock. */
    static LimitsFixture create(TestServer server) {
        String[] ws = new String[1];
        Governed.Approver admin = Governed.admin(server, ws);
        JsonNode account = Governed.account(admin.client(), "ethereum", List.of(Governed.step(1, admin)));
        Sandbox.deposit(admin.client(), account.path("id").asLong(), BigInteger.TEN.pow(21).toString());
        Sandbox.mine(admin.client(), "ethereum", 12);
        return new LimitsFixture(ws[0], admin, Sandbox.legacyClient(server, ws[0], admin.user()), account);
    }

    /** A CREATE_TRANSACTION body sending {@code amount} wei. */
    Map<String, Object> send(long amount) {
        return Governed.send(account, "ETHEREUM_LIKE_SEND", Long.toString(amount), RECIPIENT, MAX_FEE,
                Governed.speed("NORMAL"));
    }

    /** A CREATE_TRANSACTION body sending an amount given as its digits. */
    Map<String, Object> send(String amount) {
        return Governed.send(account, "ETHEREUM_LIKE_SEND", amount, RECIPIENT, MAX_FEE, Governed.speed("NORMAL"));
    }

    /** Moves the workspace clock to one second past its next full hour and answers that time. */
    java.time.Instant startOfAnHour() {
        java.time.Instant now = java.time.OffsetDateTime.parse(client.get("/sandbox/clock").text("now")).toInstant();
        java.time.Instant next = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plusSeconds(3601);
        long seconds = java.time.Duration.between(now, next).toSeconds();
        return java.time.OffsetDateTime.parse(advance(seconds)).toInstant();
    }

    /** Turns the limits on with these overrides (name → value) and answers the settings in force. */
    JsonNode enable(Map<String, Object> overrides) {
        Map<String, Object> body = new LinkedHashMap<>(overrides);
        body.put("enabled", true);
        ApiResponse answer = client.post("/sandbox/rate-limits", body);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.json();
    }

    /** Moves the workspace clock forward. */
    String advance(long seconds) {
        ApiResponse moved = client.post("/sandbox/clock", Map.of("advance_seconds", seconds));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        return moved.text("now");
    }

    /** Rejects a request with the admin's signed reject challenge. */
    ApiResponse reject(long requestId) {
        String challenge = client.get("/requests/" + requestId + "/challenge/reject").text("challenge");
        return client.post("/requests/" + requestId + "/reject", Map.of("jws", admin.key().sign(challenge)));
    }

    long openRequests() {
        return client.get("/requests?status=PENDING_FIRST_APPROVAL&status=PENDING_APPROVAL").get("page_info")
                .path("count").asLong();
    }

    static String header(ApiResponse answer, String name) {
        return answer.headers().firstValue(name).orElse(null);
    }
}
