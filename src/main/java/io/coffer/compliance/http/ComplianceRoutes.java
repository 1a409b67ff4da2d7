package io.coffer.compliance.http;

import io.coffer.common.Caller;
import io.coffer.compliance.ComplianceService;
import io.coffer.http.Api;
import io.coffer.http.PathParams;
import io.coffer.http.Responses;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code GET /compliance/sanctions/{address}} and {@code GET /compliance/address-risk/{address}}, for every role. */
public final class ComplianceRoutes {

    private final ComplianceService compliance;

    public ComplianceRoutes(ComplianceService compliance) {
        this.compliance = compliance;
    }

    public void register(Api api) {
        api.get("/compliance/sanctions/{address}", this::sanctions);
        api.get("/compliance/address-risk/{address}", this::risk);
    }

    private void sanctions(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.outcome(res, compliance.sanctions(PathParams.string(req, "address")), ComplianceJson::sanctions);
    }

    private void risk(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.outcome(res, compliance.risk(PathParams.string(req, "address")), ComplianceJson::risk);
    }
}
