package io.coffer.workspace.http;

import io.coffer.common.Caller;
import io.coffer.http.Api;
import io.coffer.http.Responses;
import io.coffer.keys.WorkspaceKeys;
import io.coffer.workspace.WorkspaceService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.HexFormat;
import java.util.List;

/** {@code GET /certificates/chain}: the caller's workspace chain, signer first, root last (hex DER). */
public final class CertificateRoutes {

    private final WorkspaceService workspaces;

    public CertificateRoutes(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    public void register(Api api) {
        api.get("/certificates/chain", this::chain);
    }

    private void chain(ServerRequest req, ServerResponse res, Caller caller) {
        WorkspaceKeys keys = workspaces.keys(caller.workspaceId());
        HexFormat hex = HexFormat.of().withUpperCase();
        Responses.ok(res, List.of(hex.formatHex(keys.leafCertificate()), hex.formatHex(keys.rootCertificate())));
    }
}
