package io.coffer.account.http;

import io.coffer.account.Account;
import io.coffer.account.AccountFilter;
import io.coffer.account.AccountService;
import io.coffer.account.AccountStatus;
import io.coffer.account.Accounts;
import io.coffer.common.Caller;
import io.coffer.common.PageRequest;
import io.coffer.currency.AccountType;
import io.coffer.currency.Currency;
import io.coffer.currency.Unit;
import io.coffer.http.Api;
import io.coffer.http.ApiException;
import io.coffer.http.PathParams;
import io.coffer.http.Query;
import io.coffer.http.Responses;
import io.coffer.http.SearchResults;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The accounts part of the API: search, details, currency, labels and addresses. */
public final class AccountRoutes {

    private static final Set<String> SEARCH_PARAMETERS = Set.of("account_label", "account_type", "created_after",
            "created_before", "currency", "entity", "group", "id", "name", "parent", "status", "user");
    private static final Set<String> CHILDREN_PARAMETERS = Set.of("created_after", "created_before", "entity", "group",
            "id", "status", "user");

    /** The spec's {@code AccountCurrency}. */
    record AccountCurrency(List<Unit> amountUnits, List<Unit> feesUnits) {
    }

    private final AccountService accounts;

    public AccountRoutes(AccountService accounts) {
        this.accounts = accounts;
    }

    public void register(Api api) {
        api.get("/accounts", this::search);
        api.get("/accounts/{account_id}", this::get);
        api.get("/accounts/{account_id}/currency", this::currency);
        api.get("/accounts/{account_id}/labels", this::labels);
        api.get("/accounts/{account_id}/address", this::address);
        api.get("/accounts/{account_id}/address/{index}", this::addressAt);
        api.get("/accounts/{account_id}/addresses", this::addresses);
        api.get("/accounts/{account_id}/addresses/{index}", this::addressByIndex);
        api.get("/accounts/{parent_account_id}/erc20-children-accounts", this::children);
        api.get("/accounts/{account_id}/sync", this::sync);
    }

    private void search(ServerRequest req, ServerResponse res, Caller caller) {
        Query query = Query.of(req).allowOnly(SEARCH_PARAMETERS, true);
        AccountFilter filter = new AccountFilter(
                query.id("id"),
                query.string("name"),
                query.string("currency"),
                query.enumValue("account_type", AccountType.class).map(Enum::name),
                query.enumValue("status", AccountStatus.class),
                query.id("parent"),
                query.id("user"),
                query.id("group"),
                query.ids("entity"),
                query.strings("account_label"),
                query.instant("created_after"),
                query.instant("created_before"));
        respondSearch(res, caller, filter, query.page(Accounts.ORDER_BY, "created_on"));
    }

    private void children(ServerRequest req, ServerResponse res, Caller caller) {
        Account parent = accounts.find(caller, PathParams.id(req, "parent_account_id")).orElseThrow(
                problem -> ApiException.notFound(problem.message()));
        Query query = Query.of(req).allowOnly(CHILDREN_PARAMETERS, true);
        AccountFilter filter = new AccountFilter(query.id("id"), Optional.empty(), Optional.empty(), Optional.empty(),
                query.enumValue("status", AccountStatus.class), Optional.of(parent.id()), query.id("user"),
                query.id("group"), query.ids("entity"), List.of(), query.instant("created_after"),
                query.instant("created_before"));
        respondSearch(res, caller, filter, query.page(Accounts.ORDER_BY, "created_on"));
    }

    private void respondSearch(ServerResponse res, Caller caller, AccountFilter filter, PageRequest page) {
        Responses.ok(res, SearchResults.of(accounts.search(caller, filter, page),
                details -> AccountJson.view(details, caller)));
    }

    private void get(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.outcome(res, accounts.get(caller, PathParams.id(req, "account_id")),
                details -> AccountJson.view(details, caller));
    }

    private void currency(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.outcome(res, accounts.find(caller, PathParams.id(req, "account_id")), account -> {
            Currency currency = accounts.currencyOf(account);
            List<Unit> amountUnits = accounts.tokenOf(account).map(token -> token.units()).orElse(currency.units());
            return new AccountCurrency(amountUnits, currency.units());
        });
    }

    private void labels(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.outcome(res, accounts.labels(caller, PathParams.id(req, "account_id")),
                labels -> labels.stream().map(io.coffer.label.http.LabelJson::lite).toList());
    }

    private void address(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.outcome(res, accounts.signedAddress(caller, PathParams.id(req, "account_id")), jwt -> jwt);
    }

    private void addressAt(ServerRequest req, ServerResponse res, Caller caller) {
        long accountId = PathParams.id(req, "account_id");
        int index = addressIndex(req);
        int change = Query.of(req).oneOf("type", type -> switch (type) {
            case "receive" -> Optional.of(0);
            case "change" -> Optional.of(1);
            default -> Optional.empty();
        }, "receive or change").orElseThrow(() -> ApiException.badRequest("query parameter 'type' is required: receive or change"));
        Responses.outcome(res, accounts.signedAddressAt(caller, accountId, change, index), jwt -> jwt);
    }

    private void addresses(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.outcome(res, accounts.receiveAddresses(caller, PathParams.id(req, "account_id")),
                list -> new AccountJson.AddressesView(list.stream().map(AccountJson.AddressView::of).toList()));
    }

    private void addressByIndex(ServerRequest req, ServerResponse res, Caller caller) {
        long accountId = PathParams.id(req, "account_id");
        Responses.outcome(res, accounts.receiveAddress(caller, accountId, addressIndex(req)), AccountJson.AddressView::of);
    }

    /** Coffer's networks are simulated in the same database: an account is always in sync. */
    private void sync(ServerRequest req, ServerResponse res, Caller caller) {
        Query.of(req).bool("synchronous");
        get(req, res, caller);
    }

    private static int addressIndex(ServerRequest req) {
        String raw = PathParams.string(req, "index");
        if (!raw.matches("[0-9]{1,10}") || Long.parseLong(raw) > Integer.MAX_VALUE) {
            throw ApiException.badRequest("address index must be an integer between 0 and 2147483647");
        }
        return Integer.parseInt(raw);
    }
}
