package io.coffer.tradelink;

import static io.coffer.tradelink.TradeLinkWorld.ETH;
import static io.coffer.tradelink.TradeLinkWorld.balances;
import static io.coffer.tradelink.TradeLinkWorld.newId;
import static io.coffer.tradelink.TradeLinkWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Engine;
import io.coffer.testing.Governed;
import io.coffer.testing.Sandbox;
import io.coffer.testing.TestServer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Funds are conserved over random sequences of TradeLink operations through HTTP (pledges opened,
 * increments and forced unpledges approved or rejected, settlements broadcast or failed, failed
 * ones cancelled), checked after every step against a model: the asset manager's total is the
 * deposit less what confirmed settlements spent (amounts and fees), its pending is exactly what its
 * pledges reserve, available never goes negative, the exchange holds what was settled, and every
 * pledge reads the state and amount the model expects. Each operation's answer (200 or 400) is
 * predicted by the model too.
 */
class TradeLinkFundsProperties {

    private static final BigInteger FUNDS = ETH.multiply(BigInteger.TEN);
    private static final BigInteger MILLI = BigInteger.TEN.pow(15);
    private static final Map<Engine, TestServer> SERVERS = new java.util.concurrent.ConcurrentHashMap<>();

    enum Kind { OPEN, INCREMENT, UNPLEDGE, SETTLE, CANCEL }

    /** One operation on the {@code pick}-th pledge (modulo their number). */
    record Step(Kind kind, int pick, BigInteger amount, boolean approve, int percent) {
    }

    /** The model of one pledge. */
    static final class Modelled {
        final String id;
        final JsonNode created;
        String state = "PLEDGE_READY";
        BigInteger amount;
        BigInteger reserved;
        String failedSettlement;

        Modelled(JsonNode created, BigInteger amount) {
            this.id = created.path("id").asText();
            this.created = created;
            this.amount = amount;
            this.reserved = amount;
        }
    }

    @AfterContainer
    static void stop() {
        SERVERS.values().forEach(TestServer::close);
        SERVERS.clear();
    }

    @Provide
    Arbitrary<Step> steps() {
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Kind.OPEN)), net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.INCREMENT)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.UNPLEDGE)), net.jqwik.api.Tuple.of(3, Arbitraries.just(Kind.SETTLE)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.CANCEL)));
        return Combinators.combine(kinds, Arbitraries.integers().between(0, 5),
                Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.valueOf(4000)).map(MILLI::multiply),
                Arbitraries.of(true, true, false), Arbitraries.integers().between(1, 100)).as(Step::new);
    }

    @Property(tries = 12)
    void fundsAreConservedOnH2(@ForAll @Size(min = 1, max = 12) List<@From("steps") Step> steps) {
        run(Engine.H2, steps);
    }

    @Property(tries = 4)
    void fundsAreConservedOnPostgres(@ForAll @Size(min = 1, max = 12) List<@From("steps") Step> steps) {
        run(Engine.POSTGRES, steps);
    }

    private void run(Engine engine, List<Step> steps) {
        TradeLinkWorld w = new TradeLinkWorld(SERVERS.computeIfAbsent(engine, TestServer::start), FUNDS);
        ApiClient admin = w.admin.client();
        BigInteger maxFee = new BigInteger(ok(admin.post("/transactions/estimate-fees", Governed.send(w.account,
                "ETHEREUM_LIKE_SEND", "1", TradeLinkWorld.ADDRESS, "1000000000000000000", Governed.speed("NORMAL"))))
                .path("max_fees").asText());
        List<Modelled> pledges = new ArrayList<>();
        BigInteger spent = BigInteger.ZERO;
        BigInteger settled = BigInteger.ZERO;
        for (Step step : steps) {
            BigInteger reserved = pledges.stream().map(p -> p.reserved).reduce(BigInteger.ZERO, BigInteger::add);
            BigInteger available = FUNDS.subtract(spent).subtract(reserved);
            Modelled pledge = pledges.isEmpty() ? null : pledges.get(step.pick() % pledges.size());
            switch (step.kind()) {
                case OPEN -> {
                    ApiResponse opened = w.openPledgeResponse(step.amount());
                    if (step.amount().compareTo(available) <= 0) {
                        pledges.add(new Modelled(ok(opened), step.amount()));
                    } else {
                        assertThat(opened.status()).as(opened.raw()).isEqualTo(400);
                    }
                }
                case INCREMENT -> {
                    if (pledge == null) {
                        continue;
                    }
                    ApiResponse asked = w.alice.client().post("/requests", w.increment(pledge.created, step.amount()));
                    if (!pledge.state.equals("PLEDGE_READY")) {
                        assertThat(asked.status()).as(asked.raw()).isEqualTo(400);
                        continue;
                    }
                    long request = ok(asked).path("id").asLong();
                    ok(Governed.approve(w.alice, request));
                    boolean fits = step.amount().compareTo(available) <= 0;
                    if (step.approve()) {
                        ApiResponse approved = Governed.approve(w.bob, request);
                        if (fits) {
                            ok(approved);
                            pledge.amount = pledge.amount.add(step.amount());
                            pledge.reserved = pledge.reserved.add(step.amount());
                            break;
                        }
                        assertThat(approved.status()).as(approved.raw()).isEqualTo(400);
                    }
                    ok(Governed.reject(w.bob, request));
                }
                case UNPLEDGE -> {
                    if (pledge == null) {
                        continue;
                    }
                    ApiResponse asked = w.alice.client().post("/requests", w.unpledge(pledge.created));
                    if (!pledge.state.equals("PLEDGE_READY")) {
                        assertThat(asked.status()).as(asked.raw()).isEqualTo(400);
                        continue;
                    }
                    long request = ok(asked).path("id").asLong();
                    ok(Governed.approve(w.alice, request));
                    if (step.approve()) {
                        ok(Governed.approve(w.bob, request));
                        pledge.state = "UNPLEDGE_APPROVED";
                        pledge.amount = BigInteger.ZERO;
                        pledge.reserved = BigInteger.ZERO;
                    } else {
                        ok(Governed.reject(w.bob, request));
                    }
                }
                case SETTLE -> {
                    if (pledge == null) {
                        continue;
                    }
                    BigInteger amount = pledge.amount.multiply(BigInteger.valueOf(step.percent()))
                            .divide(BigInteger.valueOf(100)).max(BigInteger.ONE);
                    boolean fail = !step.approve();
                    if (fail) {
                        ok(admin.post("/sandbox/networks/ethereum/settings", Map.of("failure_rate", 1)));
                    }
                    String id = newId();
                    ApiResponse answer = w.xavier.client().post("/settlements", Map.of("id", id, "from_pledge_id", pledge.id,
                            "meta", Map.of(), "outbound_transaction_intent", Map.of("amount", amount.toString())));
                    if (fail) {
                        ok(admin.post("/sandbox/networks/ethereum/settings", Map.of("failure_rate", 0)));
                    }
                    boolean payable = amount.add(maxFee).compareTo(available.add(pledge.reserved)) <= 0;
                    if (!pledge.state.equals("PLEDGE_READY") || pledge.amount.signum() == 0 || !payable) {
                        assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
                        continue;
                    }
                    JsonNode settlement = ok(answer);
                    if (fail) {
                        assertThat(settlement.path("state").asText()).isEqualTo("OUTBOUND_TRANSACTION_FAILED");
                        pledge.state = "OUTBOUND_TRANSACTION_FAILED";
                        pledge.failedSettlement = id;
                        break;
                    }
                    Sandbox.mine(admin, "ethereum", 12);
                    long transaction = settlement.path("outbound_transaction").path("transaction_id").asLong();
                    BigInteger fee = new BigInteger(ok(admin.get("/transactions/" + transaction)).path("fees").asText());
                    assertThat(fee.compareTo(maxFee)).isLessThanOrEqualTo(0);
                    spent = spent.add(amount).add(fee);
                    settled = settled.add(amount);
                    pledge.state = "PLEDGE_CONSUMED";
                    pledge.reserved = BigInteger.ZERO;
                }
                case CANCEL -> {
                    if (pledge == null || pledge.failedSettlement == null) {
                        continue;
                    }
                    ApiResponse cancelled = w.xavier.client().post("/settlements/" + pledge.failedSettlement + "/cancel",
                            Map.of());
                    if (pledge.state.equals("OUTBOUND_TRANSACTION_FAILED")) {
                        ok(cancelled);
                        pledge.state = "PLEDGE_READY";
                    } else {
                        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(400);
                    }
                }
            }
            check(w, pledges, spent, settled);
        }
        check(w, pledges, spent, settled);
    }

    private static void check(TradeLinkWorld w, List<Modelled> pledges, BigInteger spent, BigInteger settled) {
        ApiClient admin = w.admin.client();
        BigInteger reserved = BigInteger.ZERO;
        for (Modelled pledge : pledges) {
            JsonNode read = w.pledge(admin, pledge.id);
            assertThat(read.path("state").asText()).as("state of " + pledge.id).isEqualTo(pledge.state);
            assertThat(read.path("amount").bigIntegerValue()).as("amount of " + pledge.id).isEqualTo(pledge.amount);
            assertThat(pledge.reserved.signum()).isGreaterThanOrEqualTo(0);
            reserved = reserved.add(pledge.reserved);
        }
        BigInteger total = FUNDS.subtract(spent);
        assertThat(balances(admin, w.accountId)).as("asset manager's balances")
                .containsExactly(total.subtract(reserved), reserved, total);
        assertThat(balances(admin, w.exchangeAccountId)).as("exchange's balances")
                .containsExactly(settled, BigInteger.ZERO, settled);
        if (reserved.signum() == 0) {
            assertThat(pledges.stream().allMatch(p -> p.reserved.signum() == 0)).isTrue();
        }
    }
}
