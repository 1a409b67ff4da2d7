package io.coffer.request.http;

import io.coffer.common.Caller;
import io.coffer.governance.RequestStatus;
import io.coffer.governance.VoteKind;
import io.coffer.http.Api;
import io.coffer.http.Bodies;
import io.coffer.http.JsonFields;
import io.coffer.http.PathParams;
import io.coffer.http.Query;
import io.coffer.http.Responses;
import io.coffer.http.SearchResults;
import io.coffer.request.RequestFilter;
import io.coffer.request.RequestService;
import io.coffer.request.RequestType;
import io.coffer.request.Requests;
import io.coffer.request.SendRequest;
import io.coffer.request.StakeRequest;
import io.coffer.request.TargetType;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;
import java.util.Set;

/** The requests part of the API: create, search, challenges, approve, reject, governance status. */
public final class RequestRoutes {

    private static final Set<String> SEARCH_PARAMETERS = Set.of("approved_by", "created_after", "created_before",
            "created_by", "id", "pending_by", "rejected_by", "status", "target_id", "target_type", "type");

    private final RequestService requests;
    private final Bodies bodies;

    public RequestRoutes(RequestService requests, Bodies bodies) {
        this.requests = requests;
        this.bodies = bodies;
    }

    public void register(Api api) {
        api.get("/requests", this::search);
        api.post("/requests", this::create);
        api.get("/requests/{request_id}", this::get);
        api.issuingGet("/requests/{request_id}/challenge", (req, res, caller) -> challenge(req, res, caller,
                VoteKind.APPROVE));
        api.issuingGet("/requests/{request_id}/challenge/reject", (req, res, caller) -> challenge(req, res, caller,
                VoteKind.ABORT));
        api.post("/requests/{request_id}/approve", this::approve);
        api.post("/requests/{request_id}/reject", this::reject);
        api.get("/requests/{request_id}/governance-status", this::governance);
    }

    private void create(ServerRequest req, ServerResponse res, Caller caller) {
        JsonFields body = bodies.object(req);
        String type = body.string("type");
        if (AdminIntents.TYPES.contains(type)) {
            AdminIntents.Parsed parsed = AdminIntents.read(type, body);
            Responses.outcome(res, requests.create(caller, parsed.change(), parsed.intentJson()), RequestJson::vault);
            return;
        }
        if (StakeIntents.isStaking(body)) {
            StakeIntents.Parsed stake = StakeIntents.read(body);
            Responses.outcome(res, requests.create(caller, new StakeRequest(stake.intent()), stake.intentJson()),
                    RequestJson::vault);
            return;
        }
        if (SigningIntents.TYPES.contains(type)) {
            SigningIntents.Parsed parsed = SigningIntents.read(type, body);
            Responses.outcome(res, requests.create(caller, parsed.change(), parsed.intentJson()), RequestJson::vault);
            return;
        }
        if (TradeLinkIntents.TYPES.contains(type)) {
            TradeLinkIntents.Parsed parsed = TradeLinkIntents.read(type, body);
            Responses.outcome(res, requests.create(caller, parsed.change(), parsed.intentJson()), RequestJson::vault);
            return;
        }
        SendIntents.Parsed send = SendIntents.read(body);
        Responses.outcome(res, requests.create(caller, new SendRequest(send.intent()), send.intentJson()), RequestJson::vault);
    }

    private void search(ServerRequest req, ServerResponse res, Caller caller) {
        Query query = Query.of(req).allowOnly(SEARCH_PARAMETERS, false);
        RequestFilter filter = new RequestFilter(query.id("id"), query.id("approved_by"), query.id("created_by"),
                query.id("pending_by"), query.id("rejected_by"), query.enumValues("status", RequestStatus.class),
                query.id("target_id"), query.enumValues("target_type", TargetType.class),
                query.enumValues("type", RequestType.class), query.instant("created_after"), query.instant("created_before"));
        Responses.ok(res, SearchResults.of(requests.search(caller, filter, query.page(Requests.ORDER_BY, "created_on")),
                RequestJson::request));
    }

    private void get(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.outcome(res, requests.get(caller, PathParams.id(req, "request_id")), RequestJson::request);
    }

    private void challenge(ServerRequest req, ServerResponse res, Caller caller, VoteKind kind) {
        Responses.outcome(res, requests.challenge(caller, PathParams.id(req, "request_id"), kind),
                issued -> new RequestJson.ChallengeView(issued.challenge(), issued.requestId()));
    }

    private void approve(ServerRequest req, ServerResponse res, Caller caller) {
        long id = PathParams.id(req, "request_id");
        JsonFields body = bodies.object(req);
        Responses.outcome(res, requests.approve(caller, id, body.string("jws")), RequestJson::vault);
    }

    private void reject(ServerRequest req, ServerResponse res, Caller caller) {
        long id = PathParams.id(req, "request_id");
        // The body is optional; when one is sent it is the spec's payload, whose jws is required.
        Optional<String> jws = bodies.present(req) ? Optional.of(bodies.object(req).allowOnly("jws").string("jws"))
                : Optional.empty();
        Responses.outcome(res, requests.reject(caller, id, jws), RequestJson::vault);
    }

    private void governance(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.outcome(res, requests.governance(caller, PathParams.id(req, "request_id")), RequestJson::governance);
    }
}
