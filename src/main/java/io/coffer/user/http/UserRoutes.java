package io.coffer.user.http;

import io.coffer.common.Caller;
import io.coffer.http.Api;
import io.coffer.http.ApiException;
import io.coffer.http.PathParams;
import io.coffer.http.Query;
import io.coffer.http.Responses;
import io.coffer.http.SearchResults;
import io.coffer.user.ApiUsers;
import io.coffer.user.UserFilter;
import io.coffer.user.UserService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;
import java.util.Set;

/** {@code GET /users} and {@code GET /users/{id}}. */
public final class UserRoutes {

    private static final Set<String> SEARCH_PARAMETERS = Set.of("account", "created_after", "created_before", "group", "id",
            "role", "status", "username");
    private static final Set<String> ROLES = Set.of("ADMIN", "ADMIN_SYSTEM", "OPERATOR", "SHARED_OWNER", "WRAPPING_KEYS");
    private static final Set<String> STATUSES = Set.of("ACCESS_SUSPENDED", "ACTIVE", "APPROVED", "PENDING_APPROVAL",
            "PENDING_REGISTRATION", "PENDING_REVOCATION", "REJECTED", "REVOKED");

    private final UserService users;

    public UserRoutes(UserService users) {
        this.users = users;
    }

    public void register(Api api) {
        api.get("/users", this::search);
        api.get("/users/{user_id}", this::get);
    }

    private void search(ServerRequest req, ServerResponse res, Caller caller) {
        Query query = Query.of(req).allowOnly(SEARCH_PARAMETERS, false);
        UserFilter filter = new UserFilter(query.id("id"), query.string("username"), oneOf(query, "role", ROLES),
                oneOf(query, "status", STATUSES), query.id("account"), query.id("group"), query.instant("created_after"),
                query.instant("created_before"));
        Responses.ok(res, SearchResults.of(users.search(caller, filter, query.page(ApiUsers.ORDER_BY, "created_on")),
                UserJson::of));
    }

    private void get(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.outcome(res, users.get(caller, PathParams.id(req, "user_id")), UserJson::of);
    }

    private static Optional<String> oneOf(Query query, String name, Set<String> allowed) {
        Optional<String> value = query.string(name);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw ApiException.badRequest("query parameter '" + name + "' must be one of " + allowed.stream().sorted().toList());
        }
        return value;
    }
}
