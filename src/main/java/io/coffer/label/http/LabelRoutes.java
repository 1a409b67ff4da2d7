package io.coffer.label.http;

import io.coffer.common.Caller;
import io.coffer.http.Api;
import io.coffer.http.PathParams;
import io.coffer.http.Query;
import io.coffer.http.Responses;
import io.coffer.http.SearchResults;
import io.coffer.label.LabelFilter;
import io.coffer.label.LabelService;
import io.coffer.label.Labels;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Set;

/** {@code GET /labels} and {@code GET /labels/{id}}. */
public final class LabelRoutes {

    private static final Set<String> SEARCH_PARAMETERS = Set.of("created_after", "created_before", "id", "name");

    private final LabelService labels;

    public LabelRoutes(LabelService labels) {
        this.labels = labels;
    }

    public void register(Api api) {
        api.get("/labels", this::search);
        api.get("/labels/{label_id}", this::get);
    }

    private void search(ServerRequest req, ServerResponse res, Caller caller) {
        Query query = Query.of(req).allowOnly(SEARCH_PARAMETERS, false);
        LabelFilter filter = new LabelFilter(query.id("id"), query.string("name"), query.instant("created_after"),
                query.instant("created_before"));
        Responses.ok(res, SearchResults.of(labels.search(caller, filter, query.page(Labels.ORDER_BY, "created_on")),
                LabelJson::of));
    }

    private void get(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.outcome(res, labels.get(caller, PathParams.id(req, "label_id")), LabelJson::of);
    }
}
