package io.coffer.workspace.http;

import io.coffer.common.Caller;
import io.coffer.http.Api;
import io.coffer.http.Responses;
import io.coffer.workspace.WorkspaceService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /organization}: the caller's workspace as the spec's {@code Organization}; and
 * {@code GET /workspace}, a Coffer extension telling its kind (sandbox or live) and its clock, which
 * the spec's strict {@code Organization} shape has no room for.
 */
public final class OrganizationRoutes {

    /** The spec's {@code Organization}; shared owners and wrapping keys do not exist in Coffer and are left out. */
    record OrganizationView(String name, int numAdmins, int quorum, String workspace) {
    }

    /** Coffer's {@code CofferWorkspace}. */
    record WorkspaceView(String name, String kind, String now) {
    }

    private final WorkspaceService workspaces;

    public OrganizationRoutes(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    public void register(Api api) {
        api.get("/organization", this::organization);
        api.get("/workspace", this::workspace);
    }

    private void workspace(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.ok(res, new WorkspaceView(caller.workspaceName(), caller.kind().name(),
                io.coffer.http.Json.format(workspaces.now(caller))));
    }

    private void organization(ServerRequest req, ServerResponse res, Caller caller) {
        WorkspaceService.Organization organization = workspaces.organization(caller);
        Responses.ok(res, new OrganizationView(organization.name(), organization.admins(), organization.quorum(),
                caller.workspaceName()));
    }
}
