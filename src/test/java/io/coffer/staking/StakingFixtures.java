package io.coffer.staking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Governed;
import io.coffer.testing.Governed.Approver;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Steps of staking stories: a governed funded account, staking requests approved and mined, the clock moved. */
abstract class StakingFixtures extends ServerCases {

    static final BigInteger SOL = BigInteger.TEN.pow(9);
    static final BigInteger ETH = BigInteger.TEN.pow(18);
    static final BigInteger RENT = BigInteger.valueOf(2_282_880);
    static final String POOL = "pool1" + "qpzry9x8gf2tvdw0s3jn54khce6mua7l".repeat(2).substring(0, 51);

    /** A sandbox workspace whose admin alone governs one account of the currency, funded and confirmed. */
    record Setup(Approver admin, JsonNode account, String workspace) {
        ApiClient client() {
            return admin.client();
        }

        long id() {
            return account.path("id").asLong();
        }
    }

    Setup setup(String currency, BigInteger funds) {
        String[] ws = new String[1];
        Approver bearer = Governed.admin(server, ws);
        // Legacy API-key headers: moving the clock days ahead outlives any bearer token.
        Approver admin = new Approver(bearer.user(), bearer.key(), Sandbox.legacyClient(server, ws[0], bearer.user()));
        JsonNode account = Governed.account(admin.client(), currency, List.of(Governed.step(1, admin)));
        Sandbox.deposit(admin.client(), account.path("id").asLong(), funds.toString());
        Sandbox.mine(admin.client(), currency, 40);
        return new Setup(admin, account, ws[0]);
    }

    static Map<String, Object> staking(JsonNode account, String type, Map<String, Object> fields) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("account_name", account.path("name").asText());
        data.put("currency", account.path("currency").asText());
        data.putAll(fields);
        return Map.of("type", "CREATE_TRANSACTION", "data", Map.of("account_id", account.path("id").asLong(),
                "transaction_type", type, "transaction_data", data));
    }

    /** Requests, approves and confirms a staking transaction; answers the transaction. */
    static JsonNode stakeTx(Setup s, String type, Map<String, Object> fields) {
        ApiResponse created = s.client().post("/requests", staking(s.account(), type, fields));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        long transactionId = created.get("target_id").asLong();
        ApiResponse approved = Governed.approve(s.admin(), created.id());
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("SUBMITTED");
        assertThat(s.client().get("/transactions/" + transactionId).text("status")).isEqualTo("SUBMITTED");
        Sandbox.mine(s.client(), s.account().path("currency").asText(), 40);
        JsonNode done = s.client().get("/transactions/" + transactionId).json();
        assertThat(done.path("status").asText()).isEqualTo("CONFIRMED");
        return done;
    }

    static Instant advance(ApiClient c, long seconds) {
        ApiResponse moved = c.post("/sandbox/clock", Map.of("advance_seconds", seconds));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        return OffsetDateTime.parse(moved.text("now")).toInstant();
    }

    static BigInteger available(ApiClient c, long accountId) {
        return new BigInteger(c.get("/accounts/" + accountId).text("available_balance"));
    }

    static Instant instant(JsonNode node) {
        return OffsetDateTime.parse(node.asText()).toInstant();
    }

    /**
     * What the server must have paid: the same periods, each floored with the remainder carried,
     * i.e. the floor of base × rate × seconds over the whole run.
     */
    static List<BigInteger> expected(BigInteger base, int bps, Instant from, Instant until, long period, boolean partial) {
        List<BigInteger> paid = new ArrayList<>();
        BigInteger carry = BigInteger.ZERO;
        BigInteger divisor = BigInteger.valueOf(10_000L * 31_536_000L);
        while (from.isBefore(until)) {
            Instant end = Instant.ofEpochSecond((Math.floorDiv(from.getEpochSecond(), period) + 1) * period);
            if (end.isAfter(until)) {
                if (!partial) {
                    break;
                }
                end = until;
            }
            BigInteger[] split = base.multiply(BigInteger.valueOf(bps))
                    .multiply(BigInteger.valueOf(Duration.between(from, end).toSeconds())).add(carry)
                    .divideAndRemainder(divisor);
            carry = split[1];
            if (split[0].signum() > 0) {
                paid.add(split[0]);
            }
            from = end;
        }
        return paid;
    }

    /** A list answer: 200 and a JSON array. */
    static JsonNode list(ApiClient c, String path) {
        ApiResponse response = c.get(path);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.json().isArray()).as(response.raw()).isTrue();
        return response.json();
    }

    static BigInteger sum(List<BigInteger> values) {
        return values.stream().reduce(BigInteger.ZERO, BigInteger::add);
    }

    static BigInteger sumOf(JsonNode rewards) {
        BigInteger total = BigInteger.ZERO;
        for (JsonNode reward : rewards) {
            total = total.add(new BigInteger(reward.path("amount").asText()));
        }
        return total;
    }

    static void setRate(ApiClient c, String currency, int bps) {
        ApiResponse set = c.post("/sandbox/staking/settings", Map.of("currency", currency, "annual_rate_bps", bps));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.get("annual_rate_bps").asInt()).isEqualTo(bps);
    }
}
