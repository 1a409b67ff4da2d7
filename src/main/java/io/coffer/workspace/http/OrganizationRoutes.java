package io.coffer.workspace.http;

import io.coffer.common.Caller;
import io.coffer.http.Api;
import io.coffer.http.Responses;
import io.coffer.workspace.WorkspaceService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code GET /organization}: the caller's workspace as the spec's {@code Organization}. */
public final class OrganizationRoutes {

    /** The spec's {@code Organization}; shared owners and wrapping keys do not exist in Coffer and are left out. */
    record OrganizationView(String name, int numAdmins, int quorum, String workspace) {
    }

    private final WorkspaceService workspaces;

    public OrganizationRoutes(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    public void register(Api api) {
        api.get("/organization", this::organization);
    }

    private void organization(ServerRequest req, ServerResponse res, Caller caller) {
        WorkspaceService.Organization organization = workspaces.organization(caller);
        Responses.ok(res, new OrganizationView(organization.name(), organization.admins(), organization.quorum(),
                caller.workspaceName()));
    }
}
