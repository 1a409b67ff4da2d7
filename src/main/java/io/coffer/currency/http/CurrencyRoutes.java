package io.coffer.currency.http;

import io.coffer.common.Caller;
import io.coffer.currency.Currency;
import io.coffer.currency.CurrencyCatalog;
import io.coffer.currency.Token;
import io.coffer.currency.Unit;
import io.coffer.http.Api;
import io.coffer.http.ApiException;
import io.coffer.http.PathParams;
import io.coffer.http.Responses;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/** The currencies and tokens Coffer supports, and address validation. */
public final class CurrencyRoutes {

    /** The spec's {@code Currency}. */
    record CurrencyView(String family, String name, int numConfirmationNeeded, String type, List<Unit> units) {
        static CurrencyView of(Currency currency) {
            return new CurrencyView(currency.family().apiName(), currency.name(), currency.confirmations(),
                    currency.fiat() ? "FIAT" : "CRYPTO", currency.units());
        }
    }

    /** The spec's {@code Token}. */
    record TokenView(String contractAddress, String name, String parentCurrency, List<Unit> units) {
        static TokenView of(Token token) {
            return new TokenView(token.contractAddress(), token.name(), token.parent(), token.units());
        }
    }

    record CurrencyList(List<CurrencyView> currencies) {
    }

    record TokenList(List<TokenView> tokens) {
    }

    record AddressValidation(boolean isValid) {
    }

    private final CurrencyCatalog catalog;
    private final byte[] currencyList;
    private final byte[] tokenList;

    public CurrencyRoutes(CurrencyCatalog catalog) {
        this.catalog = catalog;
        this.currencyList = io.coffer.http.Json.write(
                new CurrencyList(catalog.currencies().stream().map(CurrencyView::of).toList()));
        this.tokenList = io.coffer.http.Json.write(new TokenList(catalog.tokens().stream().map(TokenView::of).toList()));
    }

    public void register(Api api) {
        api.get("/currencies", (req, res, caller) -> Responses.okRaw(res, currencyList));
        api.get("/currencies/tokens", (req, res, caller) -> Responses.okRaw(res, tokenList));
        api.get("/currencies/{currency_name}", this::currency);
        api.get("/currencies/{currency_name}/tokens/{contract_address}", this::token);
        api.get("/currencies/{currency_name}/{address}", this::validateAddress);
    }

    private void currency(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.ok(res, CurrencyView.of(currency(req)));
    }

    private void token(ServerRequest req, ServerResponse res, Caller caller) {
        Currency currency = currency(req);
        String contract = PathParams.string(req, "contract_address");
        Token token = catalog.token(currency.name(), contract).orElseThrow(() ->
                ApiException.notFound("no token " + contract + " on " + currency.name()));
        Responses.ok(res, TokenView.of(token));
    }

    private void validateAddress(ServerRequest req, ServerResponse res, Caller caller) {
        Currency currency = currency(req);
        Responses.ok(res, new AddressValidation(currency.addresses().isValid(PathParams.string(req, "address"))));
    }

    private Currency currency(ServerRequest req) {
        String name = PathParams.string(req, "currency_name");
        return catalog.currency(name).orElseThrow(() -> ApiException.notFound("unknown currency '" + name + "'"));
    }
}
