package io.coffer.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.common.Amount;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.db.Database;
import io.coffer.db.JdbcUnitOfWork;
import io.coffer.db.Sql;
import io.coffer.ledger.db.JdbcLedgerStore;
import io.coffer.testing.Engine;
import io.coffer.testing.Fixtures;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The ledger's invariants over random sequences of the whole transaction lifecycle (deposits seen and
 * confirmed; sends reserved, released or settled), checked after every step against the real storage
 * on H2 and on PostgreSQL: every posting balances, each account's cached balance equals the sum of its
 * entries and a model kept beside it, account books mirror the external books bucket by bucket,
 * available never goes negative (a reservation beyond it is refused and leaves nothing), and the
 * running balances give the history.
 */
class LedgerInvariantsProperties {

    private static final Map<Engine, Database> DATABASES = new ConcurrentHashMap<>();
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final BigInteger HUGE = BigInteger.TWO.pow(200);

    /** What a step does. */
    enum Kind { DEPOSIT, CONFIRM, RESERVE, RELEASE, SETTLE }

    /**
     * One step: a deposit to an account, the confirmation of the n-th pending deposit, a send
     * reserving an amount, or the release or settlement (spending {@code pick}% of it) of the n-th
     * reservation.
     */
    record Step(Kind kind, int account, BigInteger amount, int pick) {
    }

    @Provide
    Arbitrary<Step> steps() {
        Arbitrary<BigInteger> amounts = Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.valueOf(1_000_000)),
                Arbitraries.bigIntegers().between(HUGE, HUGE.multiply(BigInteger.TEN)));
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 2), amounts,
                Arbitraries.integers().between(0, 100)).as(Step::new);
    }

    @Property(tries = 40)
    void invariantsHoldOnH2(@ForAll @Size(max = 30) List<@net.jqwik.api.From("steps") Step> steps) {
        run(Engine.H2, steps);
    }

    @Property(tries = 25)
    void invariantsHoldOnPostgres(@ForAll @Size(max = 30) List<@net.jqwik.api.From("steps") Step> steps) {
        run(Engine.POSTGRES, steps);
    }

    private void run(Engine engine, List<Step> steps) {
        Database database = DATABASES.computeIfAbsent(engine, Engine::open);
        JdbcUnitOfWork unitOfWork = database.unitOfWork();
        LedgerService ledger = new LedgerService(new JdbcLedgerStore());
        long[] ids = new long[3];
        long workspace = unitOfWork.write(tx -> {
            long ws = Fixtures.workspace(tx, START);
            for (int i = 0; i < ids.length; i++) {
                ids[i] = Fixtures.account(tx, ws, "bitcoin", START);
                ledger.open(tx, ids[i]);
            }
            return Outcome.ok(ws);
        }).orElseThrow();
        record Pending(int account, BigInteger amount, long transaction) {
        }
        List<Pending> pending = new ArrayList<>();
        List<Pending> reserved = new ArrayList<>();
        Map<Integer, List<Map.Entry<Instant, BigInteger>>> confirmedTimeline = new HashMap<>();
        BigInteger[] confirmed = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
        BigInteger[] outgoing = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
        Instant now = START;
        long nextTransaction = 1;
        for (Step step : steps) {
            now = now.plus(Duration.ofMinutes(7));
            Instant at = now;
            long transaction = nextTransaction++;
            int i = step.account();
            switch (step.kind()) {
                case DEPOSIT -> {
                    unitOfWork.write(tx -> ledger.post(tx, Postings.receivePending(workspace, transaction, "bitcoin",
                            ids[i], new Amount(step.amount()), at), Map.of())).orElseThrow();
                    pending.add(new Pending(i, step.amount(), transaction));
                }
                case CONFIRM -> {
                    if (pending.isEmpty()) {
                        continue;
                    }
                    Pending chosen = pending.remove(step.pick() % pending.size());
                    unitOfWork.write(tx -> ledger.post(tx, Postings.receiveConfirmed(workspace, chosen.transaction(),
                            "bitcoin", ids[chosen.account()], new Amount(chosen.amount()), at), Map.of())).orElseThrow();
                    confirmed[chosen.account()] = confirmed[chosen.account()].add(chosen.amount());
                }
                case RESERVE -> {
                    // Reserve either a random amount or everything available, so both sides of the edge are tried.
                    BigInteger available = confirmed[i].subtract(outgoing[i]);
                    BigInteger amount = step.pick() % 3 == 0 && available.signum() > 0 ? available : step.amount();
                    long entriesBefore = entries(unitOfWork, workspace);
                    Outcome<Map<Long, Balance>> result = unitOfWork.write(tx -> ledger.post(tx, Postings.reserve(
                            workspace, transaction, "bitcoin", ids[i], new Amount(amount), at), Map.of()));
                    assertThat(result.isOk()).as("reserve %s of %s available", amount, available)
                            .isEqualTo(available.compareTo(amount) >= 0);
                    if (result.isOk()) {
                        outgoing[i] = outgoing[i].add(amount);
                        reserved.add(new Pending(i, amount, transaction));
                    } else {
                        assertThat(entries(unitOfWork, workspace)).isEqualTo(entriesBefore);
                    }
                }
                case RELEASE, SETTLE -> {
                    if (reserved.isEmpty()) {
                        continue;
                    }
                    Pending chosen = reserved.remove(step.pick() % reserved.size());
                    int a = chosen.account();
                    BigInteger spent = step.kind() == Kind.RELEASE ? BigInteger.ZERO
                            : chosen.amount().multiply(BigInteger.valueOf(step.pick())).divide(BigInteger.valueOf(100));
                    Posting posting = step.kind() == Kind.RELEASE
                            ? Postings.release(workspace, chosen.transaction(), "bitcoin", ids[a], new Amount(chosen.amount()), at)
                            : Postings.settle(workspace, chosen.transaction(), "bitcoin", ids[a], new Amount(chosen.amount()),
                                    new Amount(spent), at);
                    unitOfWork.write(tx -> ledger.post(tx, posting, Map.of())).orElseThrow();
                    outgoing[a] = outgoing[a].subtract(chosen.amount());
                    confirmed[a] = confirmed[a].subtract(spent);
                }
            }
            if (step.kind() != Kind.DEPOSIT && step.kind() != Kind.RESERVE) {
                for (int k = 0; k < ids.length; k++) {
                    List<Map.Entry<Instant, BigInteger>> timeline = confirmedTimeline.computeIfAbsent(k, x -> new ArrayList<>());
                    if (timeline.isEmpty() ? confirmed[k].signum() != 0 : !timeline.getLast().getValue().equals(confirmed[k])) {
                        timeline.add(Map.entry(at, confirmed[k]));
                    }
                }
            }
            unitOfWork.read(tx -> {
                checkInvariants(tx, workspace, ids);
                for (int k = 0; k < ids.length; k++) {
                    Balance balance = ledger.balance(tx, ids[k]);
                    assertThat(balance.confirmed().value()).as("confirmed of account %d", k).isEqualTo(confirmed[k]);
                    assertThat(balance.outgoing().value()).as("outgoing of account %d", k).isEqualTo(outgoing[k]);
                }
                return null;
            });
        }
        // Nothing can confirm more than was received: the refused posting leaves no trace.
        long entriesBefore = entries(unitOfWork, workspace);
        Instant late = now.plus(Duration.ofMinutes(1));
        Outcome<Map<Long, Balance>> overdraw = unitOfWork.write(tx -> ledger.post(tx, Postings.receiveConfirmed(workspace,
                999_999, "bitcoin", ids[0], new Amount(HUGE.multiply(BigInteger.valueOf(100))), late), Map.of()));
        assertThat(overdraw.isOk()).isFalse();
        long entriesAfter = entries(unitOfWork, workspace);
        assertThat(entriesAfter).isEqualTo(entriesBefore);
        // The running balances answer the history: the confirmed balance at every confirmation instant.
        for (int i = 0; i < ids.length; i++) {
            long account = ids[i];
            List<Map.Entry<Instant, BigInteger>> timeline = confirmedTimeline.getOrDefault(i, List.of());
            List<Instant> instants = new ArrayList<>();
            instants.add(START);
            timeline.forEach(point -> {
                instants.add(point.getKey());
                instants.add(point.getKey().plusSeconds(1));
            });
            List<Amount> history = unitOfWork.read(tx -> ledger.confirmedHistory(tx, account, instants));
            assertThat(history.getFirst()).isEqualTo(Amount.ZERO);
            for (int k = 0; k < timeline.size(); k++) {
                assertThat(history.get(1 + 2 * k).value()).isEqualTo(timeline.get(k).getValue());
                assertThat(history.get(2 + 2 * k).value()).isEqualTo(timeline.get(k).getValue());
            }
            assertThat(unitOfWork.read(tx -> ledger.balance(tx, account)).confirmed().value()).isEqualTo(confirmed[i]);
        }
    }

    private static long entries(JdbcUnitOfWork unitOfWork, long workspace) {
        return unitOfWork.read(tx -> Sql.count(tx, "SELECT COUNT(*) FROM ledger_entry WHERE workspace_id = ?", workspace));
    }

    private static void checkInvariants(Tx tx, long workspace, long[] ids) {
        // Every posting balances.
        assertThat(Sql.count(tx, """
                SELECT COUNT(*) FROM (
                  SELECT posting_id FROM ledger_entry WHERE workspace_id = ?
                  GROUP BY posting_id
                  HAVING SUM(CASE WHEN side = 'D' THEN amount ELSE 0 END) <> SUM(CASE WHEN side = 'C' THEN amount ELSE 0 END)
                ) unbalanced""", workspace)).isZero();
        Map<Bucket, BigInteger> accountTotals = new EnumMap<>(Bucket.class);
        for (long id : ids) {
            Balance cached = new JdbcLedgerStore().read(tx, List.of(id)).get(id);
            assertThat(cached.confirmed()).isGreaterThanOrEqualTo(cached.outgoing());
            for (Bucket bucket : Bucket.values()) {
                BigInteger sum = Sql.one(tx, """
                        SELECT COALESCE(SUM(CASE WHEN side = 'D' THEN amount ELSE -amount END), 0)
                        FROM ledger_entry WHERE account_id = ? AND bucket = ?""",
                        row -> row.getBigDecimal(1).toBigIntegerExact(), id, bucket.name()).orElseThrow();
                assertThat(cached.bucket(bucket).value()).as("account %d %s", id, bucket).isEqualTo(sum);
                BigInteger running = Sql.one(tx, """
                        SELECT balance_after FROM ledger_entry WHERE account_id = ? AND bucket = ?
                        ORDER BY effective_at DESC, id DESC FETCH FIRST 1 ROWS ONLY""",
                        row -> row.getBigDecimal(1).toBigIntegerExact(), id, bucket.name()).orElse(BigInteger.ZERO);
                assertThat(running).as("running balance of account %d %s", id, bucket).isEqualTo(sum);
                accountTotals.merge(bucket, sum, BigInteger::add);
            }
        }
        for (Bucket bucket : Bucket.values()) {
            BigInteger external = Sql.one(tx, """
                    SELECT COALESCE(SUM(CASE WHEN side = 'C' THEN amount ELSE -amount END), 0)
                    FROM ledger_entry WHERE workspace_id = ? AND account_id IS NULL AND bucket = ?""",
                    row -> row.getBigDecimal(1).toBigIntegerExact(), workspace, bucket.name()).orElseThrow();
            assertThat(external).as("external %s mirrors the accounts", bucket)
                    .isEqualTo(accountTotals.getOrDefault(bucket, BigInteger.ZERO));
        }
    }
}
