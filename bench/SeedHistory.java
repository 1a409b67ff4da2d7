// Seeds ledger history for benchmarks: run with `java -cp target/coffer.jar bench/SeedHistory.java ...`.
// Appends confirmed deposits to an existing account straight through Coffer's ledger service, spread
// evenly over a time span ending now, so a balance history over that span covers every entry.

import io.coffer.common.Amount;
import io.coffer.common.Outcome;
import io.coffer.db.Database;
import io.coffer.db.JdbcUnitOfWork;
import io.coffer.db.Sql;
import io.coffer.ledger.LedgerService;
import io.coffer.ledger.Postings;
import io.coffer.ledger.db.JdbcLedgerStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

public class SeedHistory {

    private static final int PAIRS_PER_COMMIT = 2000;

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: SeedHistory <data dir> <account id> <entries> <span days>");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        long account = Long.parseLong(args[1]);
        long entries = Long.parseLong(args[2]);
        long spanDays = Long.parseLong(args[3]);
        try (Database database = Database.open(Database.h2Url(data), "sa", "", 4)) {
            JdbcUnitOfWork unitOfWork = database.unitOfWork();
            LedgerService ledger = new LedgerService(new JdbcLedgerStore());
            long workspace = unitOfWork.read(tx -> Sql.one(tx, "SELECT workspace_id FROM account WHERE id = ?",
                    row -> row.getLong(1), account)).orElseThrow();
            String asset = unitOfWork.read(tx -> Sql.one(tx,
                    "SELECT currency || COALESCE(':' || contract_address, '') FROM account WHERE id = ?",
                    row -> row.getString(1), account)).orElseThrow();
            // Each deposit writes three account entries: incoming up, incoming down, confirmed up.
            long pairs = (entries + 2) / 3;
            Instant end = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MICROS);
            Instant start = end.minus(Duration.ofDays(spanDays));
            long stepMicros = Math.max(1, ChronoUnit.MICROS.between(start, end) / pairs);
            long started = System.nanoTime();
            for (long done = 0; done < pairs; ) {
                long from = done;
                long to = Math.min(pairs, done + PAIRS_PER_COMMIT);
                unitOfWork.write(tx -> {
                    for (long i = from; i < to; i++) {
                        Instant at = start.plus(i * stepMicros, ChronoUnit.MICROS);
                        long fakeTransaction = -1 - i;
                        Amount amount = Amount.of(1 + i % 1000);
                        ledger.post(tx, Postings.receivePending(workspace, fakeTransaction, asset, account, amount, at), Map.of())
                                .orElseThrow();
                        ledger.post(tx, Postings.receiveConfirmed(workspace, fakeTransaction, asset, account, amount, at),
                                Map.of()).orElseThrow();
                    }
                    return Outcome.ok(null);
                }).orElseThrow();
                done = to;
            }
            long count = unitOfWork.read(tx -> Sql.count(tx, "SELECT COUNT(*) FROM ledger_entry WHERE account_id = ?", account));
            System.out.printf("account %d: %d ledger entries over %d days (seeded in %.1f s)%n", account, count, spanDays,
                    (System.nanoTime() - started) / 1e9);
        }
    }
}
