package io.coffer.entity.http;

import io.coffer.common.Caller;
import io.coffer.common.ObjectStatus;
import io.coffer.entity.Entities;
import io.coffer.entity.EntityFilter;
import io.coffer.entity.EntityService;
import io.coffer.http.Api;
import io.coffer.http.PathParams;
import io.coffer.http.Query;
import io.coffer.http.Responses;
import io.coffer.http.SearchResults;
import io.coffer.user.http.UserJson;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Set;

/** {@code GET /entities}, {@code /entities/{id}} and {@code /entities/{id}/users}. */
public final class EntityRoutes {

    private static final Set<String> SEARCH_PARAMETERS = Set.of("account", "created_after", "created_before", "id", "name",
            "status");

    /** The spec's {@code Users}. */
    record UsersView(List<UserJson> users) {
    }

    private final EntityService entities;

    public EntityRoutes(EntityService entities) {
        this.entities = entities;
    }

    public void register(Api api) {
        api.get("/entities", this::search);
        api.get("/entities/{entity_id}", this::get);
        api.get("/entities/{entity_id}/users", this::users);
    }

    private void search(ServerRequest req, ServerResponse res, Caller caller) {
        Query query = Query.of(req).allowOnly(SEARCH_PARAMETERS, false);
        EntityFilter filter = new EntityFilter(query.id("id"), query.string("name"), query.ids("account"),
                query.enumValues("status", ObjectStatus.class), query.instant("created_after"), query.instant("created_before"));
        Responses.ok(res, SearchResults.of(entities.search(caller, filter, query.page(Entities.ORDER_BY, "created_on")),
                EntityJson::of));
    }

    private void get(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.outcome(res, entities.get(caller, PathParams.id(req, "entity_id")), EntityJson::of);
    }

    private void users(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.outcome(res, entities.users(caller, PathParams.id(req, "entity_id")),
                users -> new UsersView(users.stream().map(UserJson::of).toList()));
    }
}
