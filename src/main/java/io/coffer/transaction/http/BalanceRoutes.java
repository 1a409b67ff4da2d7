package io.coffer.transaction.http;

import io.coffer.common.Amount;
import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.http.Api;
import io.coffer.http.ErrorBody;
import io.coffer.http.PathParams;
import io.coffer.http.Query;
import io.coffer.http.Responses;
import io.coffer.ledger.Balance;
import io.coffer.transaction.BalanceHistory;
import io.coffer.transaction.BalanceReport;
import io.coffer.transaction.BalanceService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code GET /accounts/{id}/balances} and {@code GET /accounts/{id}/balances/history}. */
public final class BalanceRoutes {

    /** The spec's {@code AccountBalances}. */
    record AccountBalances(Amount available, Amount pending, Amount total) {
    }

    /** The spec's {@code BitcoinBalances}. */
    record BitcoinBalances(Amount available, Amount confirmed, Amount mempoolChange, Amount mempoolIn, Amount mempoolOut,
                           Amount pending, Amount total, Amount underConfirmationChange, Amount underConfirmationIn,
                           Amount underConfirmationOut, Amount worthless) {
    }

    /** The spec's {@code SolanaBalances}; the optional {@code token_accounts} are left out (see GET /accounts/{id}/tokens). */
    record SolanaBalances(Amount activating, Amount deactivating, Amount delegated, Amount totalStaked,
                          Amount undelegated) {
    }

    /** The spec's {@code AccountBalancesHistory}. */
    record History(int accountIndex, List<Entry> balances, CurrencyInfo currency) {
    }

    record Entry(String date, Amount value) {
    }

    record CurrencyInfo(int magnitude, String name, String network, String tokenAddress) {
    }

    private final BalanceService balances;

    public BalanceRoutes(BalanceService balances) {
        this.balances = balances;
    }

    public void register(Api api) {
        api.get("/accounts/{account_id}/balances", this::balances);
        api.get("/accounts/{account_id}/balances/history", this::history);
    }

    private void balances(ServerRequest req, ServerResponse res, Caller caller) {
        switch (balances.balances(caller, PathParams.id(req, "account_id"))) {
            case Outcome.Ok<BalanceReport>(BalanceReport.Standard standard) ->
                    Responses.okRaw(res, accountBalances(standard.balance()));
            case Outcome.Ok<BalanceReport>(BalanceReport report) -> Responses.ok(res, view(report));
            case Outcome.Failed<BalanceReport> failed -> Responses.error(res, ErrorBody.of(failed.problem()));
        }
    }

    /**
     * {@code AccountBalances} written by hand: the hottest answer of the API, three fields whose
     * values are digit strings (nothing to escape). The contract tests validate it like any other.
     */
    static byte[] accountBalances(Balance b) {
        return ("{\"available\":\"" + b.available() + "\",\"pending\":\"" + b.pending() + "\",\"total\":\""
                + b.total() + "\"}").getBytes(StandardCharsets.US_ASCII);
    }

    private void history(ServerRequest req, ServerResponse res, Caller caller) {
        long accountId = PathParams.id(req, "account_id");
        Query query = Query.of(req);
        Responses.outcome(res, balances.history(caller, accountId, query.instant("start"), query.instant("end")),
                BalanceRoutes::view);
    }

    static Object view(BalanceReport report) {
        Balance b = report.balance();
        return switch (report) {
            case BalanceReport.Standard standard -> new AccountBalances(b.available(), b.pending(), b.total());
            case BalanceReport.Utxo utxo -> new BitcoinBalances(b.available(), b.confirmed(), Amount.ZERO,
                    utxo.flows().mempoolIn(), utxo.flows().mempoolOut(), b.pending(), b.total(), Amount.ZERO,
                    utxo.flows().underConfirmationIn(), utxo.flows().underConfirmationOut(), b.dust());
            case BalanceReport.Solana solana -> new SolanaBalances(solana.staked().activating(),
                    solana.staked().deactivating(), solana.staked().delegated(), solana.staked().totalStaked(),
                    solana.staked().undelegated());
        };
    }

    static History view(BalanceHistory history) {
        CurrencyInfo currency = history.token()
                .map(token -> new CurrencyInfo(token.decimals(), token.name(), token.parent(), token.contractAddress()))
                .orElseGet(() -> new CurrencyInfo(history.currency().magnitude(), history.currency().name(),
                        history.currency().name(), null));
        return new History(history.account().index(),
                history.points().stream().map(p -> new Entry(io.coffer.http.Json.format(p.date()), p.value())).toList(),
                currency);
    }
}
