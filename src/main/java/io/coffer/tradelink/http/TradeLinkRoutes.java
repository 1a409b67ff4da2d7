package io.coffer.tradelink.http;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.http.Api;
import io.coffer.http.ApiException;
import io.coffer.http.Bodies;
import io.coffer.http.JsonFields;
import io.coffer.http.PathParams;
import io.coffer.http.Query;
import io.coffer.http.Responses;
import io.coffer.http.SearchResults;
import io.coffer.tradelink.NewSettlement;
import io.coffer.tradelink.Pledge;
import io.coffer.tradelink.PledgeFilter;
import io.coffer.tradelink.PledgeState;
import io.coffer.tradelink.SettlementService;
import io.coffer.tradelink.TradeLinkService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * TradeLink: {@code GET /pledges}, {@code GET /pledges/{id}}, and the settlements. {@code GET
 * /settlements} answers the spec's declared shape, the pledge search envelope: one edge per
 * settlement, newest first, whose node is the pledge it consumed.
 */
public final class TradeLinkRoutes {

    private static final Set<String> PLEDGE_PARAMETERS = Set.of("account_id", "asset_manager_id", "exchange_id", "page",
            "page_size", "state");
    private static final Set<String> PAGE_PARAMETERS = Set.of("page", "page_size");
    private static final Set<String> ORDER = Set.of("created_on");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** The largest {@code meta} object kept with a settlement (UTF-8 bytes of its JSON). */
    static final int MAX_META_BYTES = 16_000;

    private final TradeLinkService pledges;
    private final SettlementService settlements;
    private final Bodies bodies;

    public TradeLinkRoutes(TradeLinkService pledges, SettlementService settlements, Bodies bodies) {
        this.pledges = pledges;
        this.settlements = settlements;
        this.bodies = bodies;
    }

    public void register(Api api) {
        api.get("/pledges", this::searchPledges);
        api.get("/pledges/{pledge_id}", this::getPledge);
        api.get("/settlements", this::searchSettlements);
        api.post("/settlements", this::create);
        api.get("/settlements/{settlement_id}", this::getSettlement);
        api.post("/settlements/{settlement_id}/cancel", this::cancel);
        api.post("/settlements/{settlement_id}/recover", this::recover);
    }

    /** A UUID from the path, lower case; anything else names nothing here (400: it cannot be an id). */
    static String uuid(String name, String value) {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw ApiException.badRequest(name + " must be a UUID, e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private void searchPledges(ServerRequest req, ServerResponse res, Caller caller) {
        Query query = Query.of(req).allowOnly(PLEDGE_PARAMETERS, false);
        PledgeFilter filter = new PledgeFilter(query.id("account_id"), query.id("asset_manager_id"),
                query.id("exchange_id"), query.enumValues("state", PledgeState.class));
        Responses.ok(res, SearchResults.of(pledges.search(caller, filter, query.page(ORDER, "created_on")),
                pledge -> TradeLinkJson.pledge(caller, pledge)));
    }

    private void getPledge(ServerRequest req, ServerResponse res, Caller caller) {
        String id = uuid("pledge_id", PathParams.string(req, "pledge_id"));
        Responses.outcome(res, pledges.get(caller, id), pledge -> TradeLinkJson.pledge(caller, pledge));
    }

    private void searchSettlements(ServerRequest req, ServerResponse res, Caller caller) {
        Query query = Query.of(req).allowOnly(PAGE_PARAMETERS, false);
        Responses.ok(res, SearchResults.of(settlements.searchPledges(caller, query.page(ORDER, "created_on")),
                (Pledge pledge) -> TradeLinkJson.pledge(caller, pledge)));
    }

    private void create(ServerRequest req, ServerResponse res, Caller caller) {
        JsonFields body = bodies.object(req).allowOnly("id", "from_pledge_id", "meta", "inbound_transaction_intent",
                "outbound_transaction_intent", "repledge_intent");
        String id = uuid("field 'id'", body.string("id"));
        String pledgeId = uuid("field 'from_pledge_id'", body.string("from_pledge_id"));
        JsonFields meta = body.optionalObject("meta").orElseThrow(() -> ApiException.badRequest("field 'meta' is required"));
        String metaJson = meta.node().toString();
        if (metaJson.getBytes(StandardCharsets.UTF_8).length > MAX_META_BYTES) {
            throw ApiException.badRequest("field 'meta' is too large: at most " + MAX_META_BYTES + " bytes of JSON");
        }
        if (body.optionalObject("inbound_transaction_intent").isPresent()) {
            throw ApiException.badRequest("field 'inbound_transaction_intent' is not supported by this server: "
                    + "settlements here are one outbound transaction");
        }
        if (body.optionalObject("repledge_intent").isPresent()) {
            throw ApiException.badRequest("field 'repledge_intent' is not supported by this server");
        }
        SettlementIntents.Read outbound = SettlementIntents.read(body.optionalObject("outbound_transaction_intent"));
        Responses.outcome(res, settlements.create(caller, new NewSettlement(id, pledgeId, metaJson, outbound.amount(),
                        outbound.intent())),
                TradeLinkJson::settlement);
    }

    private void getSettlement(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.outcome(res, settlements.get(caller, settlementId(req)), TradeLinkJson::settlement);
    }

    private void cancel(ServerRequest req, ServerResponse res, Caller caller) {
        String id = settlementId(req);
        Responses.outcome(res, settlements.cancel(caller, id), TradeLinkJson::settlement);
    }

    private void recover(ServerRequest req, ServerResponse res, Caller caller) {
        String id = settlementId(req);
        JsonFields body = bodies.object(req).allowOnly("fee_strategy", "max_fee");
        JsonFields strategy = body.optionalObject("fee_strategy")
                .orElseThrow(() -> ApiException.badRequest("field 'fee_strategy' is required"));
        // Read as strictly as a send's strategy: SPEED with a level, or CUSTOM with the family's parameters.
        SettlementIntents.strategy(strategy);
        Outcome<io.coffer.tradelink.Settlement> recovered = settlements.recover(caller, id, body.amount("max_fee"));
        Responses.outcome(res, recovered, TradeLinkJson::settlement);
    }

    private static String settlementId(ServerRequest req) {
        return uuid("settlement_id", PathParams.string(req, "settlement_id"));
    }
}
