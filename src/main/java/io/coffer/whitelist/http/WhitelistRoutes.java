package io.coffer.whitelist.http;

import io.coffer.common.Caller;
import io.coffer.common.ObjectStatus;
import io.coffer.http.Api;
import io.coffer.http.PathParams;
import io.coffer.http.Query;
import io.coffer.http.Responses;
import io.coffer.http.SearchResults;
import io.coffer.whitelist.WhitelistFilter;
import io.coffer.whitelist.WhitelistService;
import io.coffer.whitelist.Whitelists;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Set;

/** {@code GET /whitelists} and {@code GET /whitelists/{id}}. */
public final class WhitelistRoutes {

    private static final Set<String> SEARCH_PARAMETERS = Set.of("account", "address", "created_after", "created_before",
            "description", "id", "name", "status");

    private final WhitelistService whitelists;

    public WhitelistRoutes(WhitelistService whitelists) {
        this.whitelists = whitelists;
    }

    public void register(Api api) {
        api.get("/whitelists", this::search);
        api.get("/whitelists/{whitelist_id}", this::get);
    }

    private void search(ServerRequest req, ServerResponse res, Caller caller) {
        Query query = Query.of(req).allowOnly(SEARCH_PARAMETERS, false);
        WhitelistFilter filter = new WhitelistFilter(query.id("id"), query.string("name"), query.string("description"),
                query.string("address"), query.ids("account"), query.enumValues("status", ObjectStatus.class),
                query.instant("created_after"), query.instant("created_before"));
        Responses.ok(res, SearchResults.of(whitelists.search(caller, filter, query.page(Whitelists.ORDER_BY, "created_on")),
                WhitelistJson::of));
    }

    private void get(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.outcome(res, whitelists.get(caller, PathParams.id(req, "whitelist_id")), WhitelistJson::of);
    }
}
