package io.coffer.sandbox.http;

import io.coffer.common.Amount;
import io.coffer.common.Caller;
import io.coffer.http.Api;
import io.coffer.http.Bodies;
import io.coffer.http.CallerHandler;
import io.coffer.http.JsonFields;
import io.coffer.http.Responses;
import io.coffer.tradelink.PartyRole;
import io.coffer.tradelink.TradeLinkService;
import io.coffer.tradelink.http.TradeLinkJson;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.function.UnaryOperator;

/**
 * The sandbox's TradeLink set-up, which the spec's requests do not offer: asset managers and
 * exchanges (each with an approver group and a whitelist), and pledges opened on an account with
 * their funds reserved at once. Admins of sandbox workspaces only.
 */
public final class SandboxTradeLinkRoutes {

    private final TradeLinkService tradeLink;
    private final Bodies bodies;
    private final UnaryOperator<CallerHandler> guard;

    /** @param guard wraps each handler with the sandbox's checks (token, sandbox workspace, admin) */
    public SandboxTradeLinkRoutes(TradeLinkService tradeLink, Bodies bodies, UnaryOperator<CallerHandler> guard) {
        this.tradeLink = tradeLink;
        this.bodies = bodies;
        this.guard = guard;
    }

    public void register(Api api) {
        api.post("/sandbox/tradelink/asset-managers", guard.apply((req, res, caller) -> party(req, res, caller,
                PartyRole.ASSET_MANAGER)));
        api.post("/sandbox/tradelink/exchanges", guard.apply((req, res, caller) -> party(req, res, caller,
                PartyRole.EXCHANGE)));
        api.post("/sandbox/pledges", guard.apply(this::pledge));
    }

    private void party(ServerRequest req, ServerResponse res, Caller caller, PartyRole role) {
        JsonFields body = bodies.object(req).allowOnly("name", "code", "approver_group_id", "whitelist_id");
        Responses.outcome(res, tradeLink.createParty(caller, role, body.string("name"), body.string("code"),
                body.longValue("approver_group_id"), body.longValue("whitelist_id")), TradeLinkJson::party);
    }

    private void pledge(ServerRequest req, ServerResponse res, Caller caller) {
        JsonFields body = bodies.object(req).allowOnly("account_id", "asset_manager_id", "exchange_id",
                "settlement_account_id", "amount");
        Amount amount = body.has("amount") ? body.amount("amount") : Amount.ZERO;
        Responses.outcome(res, tradeLink.openPledge(caller, body.longValue("account_id"), body.longValue("asset_manager_id"),
                body.longValue("exchange_id"), body.longValue("settlement_account_id"), amount),
                pledge -> TradeLinkJson.pledge(caller, pledge));
    }
}
