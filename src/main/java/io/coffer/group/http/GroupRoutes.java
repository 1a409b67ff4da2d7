package io.coffer.group.http;

import io.coffer.common.Caller;
import io.coffer.common.ObjectStatus;
import io.coffer.group.GroupFilter;
import io.coffer.group.GroupService;
import io.coffer.group.Groups;
import io.coffer.http.Api;
import io.coffer.http.PathParams;
import io.coffer.http.Query;
import io.coffer.http.Responses;
import io.coffer.http.SearchResults;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Set;

/** {@code GET /groups} and {@code GET /groups/{id}}. */
public final class GroupRoutes {

    private static final Set<String> SEARCH_PARAMETERS = Set.of("created_after", "created_before", "description", "id",
            "members", "name", "status");

    private final GroupService groups;

    public GroupRoutes(GroupService groups) {
        this.groups = groups;
    }

    public void register(Api api) {
        api.get("/groups", this::search);
        api.get("/groups/{group_id}", this::get);
    }

    private void search(ServerRequest req, ServerResponse res, Caller caller) {
        Query query = Query.of(req).allowOnly(SEARCH_PARAMETERS, false);
        GroupFilter filter = new GroupFilter(query.id("id"), query.string("name"), query.string("description"),
                query.ids("members"), query.enumValues("status", ObjectStatus.class), query.instant("created_after"),
                query.instant("created_before"));
        Responses.ok(res, SearchResults.of(groups.search(caller, filter, query.page(Groups.ORDER_BY, "created_on")),
                GroupJson::of));
    }

    private void get(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.outcome(res, groups.get(caller, PathParams.id(req, "group_id")), GroupJson::of);
    }
}
