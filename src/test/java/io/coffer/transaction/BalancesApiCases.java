package io.coffer.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import java.math.BigInteger;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deposits, confirmations, balances and their history through HTTP. The account's own balance
 * fields must agree with /balances at every step.
 */
abstract class BalancesApiCases extends ServerCases {

    @Test
    void aBitcoinDepositMovesFromMempoolThroughConfirmationsToConfirmed() {
        ApiClient c = Sandbox.workspace(server).client();
        long id = Sandbox.account(c, "bitcoin").path("id").asLong();
        String firstAddress = c.get("/accounts/" + id).text("address");
        JsonNode deposit = Sandbox.deposit(c, id, "150000");
        assertThat(deposit.path("type").asText()).isEqualTo("RECEIVE");
        assertThat(deposit.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(deposit.path("confirmations").asInt()).isZero();
        assertThat(deposit.path("min_confirmations").asInt()).isEqualTo(6);
        assertThat(deposit.path("recipient").asText()).isEqualTo(firstAddress);
        assertThat(c.get("/accounts/" + id).text("address")).as("a fresh address after a receive").isNotEqualTo(firstAddress);

        JsonNode balances = balances(c, id);
        assertThat(balances.path("mempool_in").asText()).isEqualTo("150000");
        assertThat(balances.path("under_confirmation_in").asText()).isEqualTo("0");
        assertThat(balances.path("confirmed").asText()).isEqualTo("0");
        assertFigures(c, id, "0", "150000", "150000");

        Sandbox.mine(c, "bitcoin", 5);
        balances = balances(c, id);
        assertThat(balances.path("mempool_in").asText()).isEqualTo("0");
        assertThat(balances.path("under_confirmation_in").asText()).isEqualTo("150000");
        JsonNode transaction = c.get("/transactions/" + deposit.path("id").asLong()).json();
        assertThat(transaction.path("confirmations").asInt()).isEqualTo(5);
        assertThat(transaction.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(transaction.path("block").path("height").asLong()).isPositive();
        assertFigures(c, id, "0", "150000", "150000");

        Sandbox.mine(c, "bitcoin", 1);
        assertThat(c.get("/transactions/" + deposit.path("id").asLong()).text("status")).isEqualTo("CONFIRMED");
        balances = balances(c, id);
        assertThat(balances.path("confirmed").asText()).isEqualTo("150000");
        assertThat(balances.path("under_confirmation_in").asText()).isEqualTo("0");
        assertThat(balances.path("worthless").asText()).isEqualTo("0");
        assertFigures(c, id, "150000", "0", "150000");
    }

    @Test
    void dustIsCountedAsWorthless() {
        ApiClient c = Sandbox.workspace(server).client();
        long id = Sandbox.account(c, "bitcoin").path("id").asLong();
        Sandbox.deposit(c, id, "300");
        Sandbox.deposit(c, id, "5000");
        Sandbox.mine(c, "bitcoin", 6);
        JsonNode balances = balances(c, id);
        assertThat(balances.path("confirmed").asText()).isEqualTo("5300");
        assertThat(balances.path("worthless").asText()).isEqualTo("300");
    }

    @Test
    void ethereumAndTokenAccountsReportPlainBalancesInExactBaseUnits() {
        ApiClient c = Sandbox.workspace(server).client();
        long eth = Sandbox.account(c, "ethereum").path("id").asLong();
        long usdt = Sandbox.account(c, Map.of("name", Sandbox.uniqueName("usdt"), "currency", "ethereum",
                "parent", eth, "contract_address", "0xdAC17F958D2ee523a2206206994597C13D831ec7")).path("id").asLong();
        String huge = BigInteger.TWO.pow(255).toString();
        Sandbox.deposit(c, eth, huge);
        Sandbox.deposit(c, eth, "1");
        Sandbox.deposit(c, usdt, "2500000");
        JsonNode ethBalances = balances(c, eth);
        assertThat(ethBalances.has("confirmed")).as("AccountBalances, not BitcoinBalances").isFalse();
        assertFigures(c, eth, "0", BigInteger.TWO.pow(255).add(BigInteger.ONE).toString(),
                BigInteger.TWO.pow(255).add(BigInteger.ONE).toString());
        Sandbox.mine(c, "ethereum", 12);
        assertFigures(c, eth, BigInteger.TWO.pow(255).add(BigInteger.ONE).toString(), "0",
                BigInteger.TWO.pow(255).add(BigInteger.ONE).toString());
        assertFigures(c, usdt, "2500000", "0", "2500000");
        assertThat(c.get("/accounts/" + eth).text("balance")).isEqualTo(BigInteger.TWO.pow(255).add(BigInteger.ONE).toString());
    }

    @Test
    void balancesNeverExceedTwoToThe256MinusOne() {
        ApiClient c = Sandbox.workspace(server).client();
        long id = Sandbox.account(c, "ethereum").path("id").asLong();
        String max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE).toString();
        Sandbox.deposit(c, id, max);
        assertThat(c.post("/sandbox/accounts/" + id + "/deposits", Map.of("amount", "1")).status()).isEqualTo(400);
        Sandbox.mine(c, "ethereum", 12);
        assertFigures(c, id, max, "0", max);
        assertThat(c.post("/sandbox/accounts/" + id + "/deposits", Map.of("amount", "1")).status()).isEqualTo(400);
    }

    @Test
    void depositsRefuseBadInput() {
        ApiClient c = Sandbox.workspace(server).client();
        long id = Sandbox.account(c, "ethereum").path("id").asLong();
        assertThat(c.post("/sandbox/accounts/" + id + "/deposits", Map.of("amount", "0")).status()).isEqualTo(400);
        assertThat(c.post("/sandbox/accounts/" + id + "/deposits", Map.of("amount", "-5")).status()).isEqualTo(400);
        assertThat(c.post("/sandbox/accounts/" + id + "/deposits", Map.of("amount", "1.5")).status()).isEqualTo(400);
        assertThat(c.post("/sandbox/accounts/" + id + "/deposits", Map.of("amount", "1" + "0".repeat(78))).status()).isEqualTo(400);
        assertThat(c.post("/sandbox/accounts/" + id + "/deposits", Map.of("amount", "10", "sender", "0xnope")).status()).isEqualTo(400);
        assertThat(c.post("/sandbox/accounts/999999/deposits", Map.of("amount", "10")).status()).isEqualTo(404);
        assertThat(c.post("/sandbox/networks/notachain/blocks", Map.of("count", 1)).status()).isEqualTo(404);
        assertThat(c.post("/sandbox/networks/ethereum/blocks", Map.of("count", 0)).status()).isEqualTo(400);
        assertThat(c.post("/sandbox/networks/ethereum/blocks", Map.of("count", 1001)).status()).isEqualTo(400);
        assertFigures(c, id, "0", "0", "0");
        assertThat(c.post("/sandbox/accounts/" + id + "/deposits", Map.of("amount", "10",
                "sender", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).get("senders").get(0).asText())
                .isEqualTo("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    }

    @Test
    void historyIsTheConfirmedBalanceOnADailyGridEndingNow() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        ApiClient c = ws.client();
        long id = Sandbox.account(c, "ethereum").path("id").asLong();
        Sandbox.deposit(c, id, "1000");
        Sandbox.mine(c, "ethereum", 12);
        c.post("/sandbox/clock", Map.of("advance_seconds", 3 * 86400));
        ApiClient fresh = Sandbox.bearerClient(server, ws.name(), ws.admin());
        Sandbox.deposit(fresh, id, "500");
        Sandbox.mine(fresh, "ethereum", 12);
        ApiResponse history = fresh.get("/accounts/" + id + "/balances/history");
        JsonNode points = history.get("balances");
        assertThat(points).hasSize(31);
        // Confirmed 1000 three days ago (before the clock moved), 500 more just now.
        assertThat(points.get(30).path("value").asText()).isEqualTo("1500");
        assertThat(points.get(29).path("value").asText()).isEqualTo("1000");
        assertThat(points.get(27).path("value").asText()).isEqualTo("1000");
        assertThat(points.get(26).path("value").asText()).isEqualTo("0");
        assertThat(points.get(0).path("value").asText()).isEqualTo("0");
        OffsetDateTime last = OffsetDateTime.parse(points.get(30).path("date").asText());
        OffsetDateTime previous = OffsetDateTime.parse(points.get(29).path("date").asText());
        assertThat(Duration.between(previous, last)).isEqualTo(Duration.ofDays(1));
        assertThat(history.get("currency").path("name").asText()).isEqualTo("ethereum");
        assertThat(history.get("currency").path("magnitude").asInt()).isEqualTo(18);
        assertThat(history.get("account_index").asInt()).isZero();
    }

    @Test
    void historyHonoursStartAndEndAndRefusesBadRanges() {
        ApiClient c = Sandbox.workspace(server).client();
        long id = Sandbox.account(c, "bitcoin").path("id").asLong();
        String end = "2026-01-02T00:00:00%2B00:00";
        JsonNode hourly = c.get("/accounts/" + id + "/balances/history?start=2026-01-01T00:00:00Z&end=" + end).get("balances");
        assertThat(hourly).hasSize(25);
        assertThat(hourly.get(24).path("date").asText()).isEqualTo("2026-01-02T00:00:00.000000+00:00");
        assertThat(c.get("/accounts/" + id + "/balances/history?start=2026-01-03T00:00:00Z&end=" + end).status()).isEqualTo(400);
        assertThat(c.get("/accounts/" + id + "/balances/history?start=last-week").status()).isEqualTo(400);
        assertThat(c.get("/accounts/999999/balances/history").status()).isEqualTo(404);
        long sol = Sandbox.account(c, "solana").path("id").asLong();
        assertThat(c.get("/accounts/" + sol + "/balances/history").status()).isEqualTo(501);
        assertThat(c.get("/accounts/" + sol + "/balances").status()).isEqualTo(200);
        JsonNode weekly = c.get("/accounts/" + id + "/balances/history?start=2020-01-01T00:00:00Z&end=" + end).get("balances");
        assertThat(weekly.size()).isBetween(300, 400);
    }

    static JsonNode balances(ApiClient c, long id) {
        ApiResponse response = c.get("/accounts/" + id + "/balances");
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    /** /balances and the account's own fields agree, and total = available + pending. */
    static void assertFigures(ApiClient c, long id, String available, String pending, String total) {
        JsonNode balances = balances(c, id);
        assertThat(balances.path("available").asText()).isEqualTo(available);
        assertThat(balances.path("pending").asText()).isEqualTo(pending);
        assertThat(balances.path("total").asText()).isEqualTo(total);
        assertThat(new BigInteger(available).add(new BigInteger(pending))).isEqualTo(new BigInteger(total));
        JsonNode account = c.get("/accounts/" + id).json();
        assertThat(account.path("available_balance").asText()).isEqualTo(available);
        assertThat(account.path("pending_balance").asText()).isEqualTo(pending);
        assertThat(account.path("balance").asText()).isEqualTo(total);
    }
}
