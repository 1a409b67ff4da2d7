package io.coffer.reporting.http;

import io.coffer.common.Caller;
import io.coffer.http.Api;
import io.coffer.http.ApiException;
import io.coffer.http.Bodies;
import io.coffer.http.JsonFields;
import io.coffer.http.Responses;
import io.coffer.reporting.ReportingKeyService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/**
 * {@code POST /reporting-keys}, a Coffer extension in every kind of workspace: an admin issues a
 * read-only key for some entities, shown once. The spec has no operation for it (Ledger Enterprise
 * issues them in its web app); a reporting key reads and never writes, so it moves no money and
 * changes no governance. It is revoked by a {@code REVOKE_USER} request.
 */
public final class ReportingKeyRoutes {

    record IssuedKeyView(long id, String name, String key) {
    }

    private final ReportingKeyService reportingKeys;
    private final Bodies bodies;

    public ReportingKeyRoutes(ReportingKeyService reportingKeys, Bodies bodies) {
        this.reportingKeys = reportingKeys;
        this.bodies = bodies;
    }

    public void register(Api api) {
        api.post("/reporting-keys", this::issue);
    }

    private void issue(ServerRequest req, ServerResponse res, Caller caller) {
        JsonFields body = bodies.object(req).allowOnly("name", "entities");
        List<Long> entityIds = body.optionalLongs("entities", 1)
                .orElseThrow(() -> ApiException.badRequest("field 'entities' is required"));
        Responses.noStore(res);
        Responses.outcome(res, reportingKeys.issue(caller, body.string("name"), entityIds),
                key -> new IssuedKeyView(key.id(), key.name(), key.key()));
    }
}
