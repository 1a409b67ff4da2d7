package io.coffer.staking.http;

import io.coffer.common.Caller;
import io.coffer.http.Api;
import io.coffer.http.ApiException;
import io.coffer.http.Bodies;
import io.coffer.http.CallerHandler;
import io.coffer.http.JsonFields;
import io.coffer.http.Responses;
import io.coffer.staking.Chain;
import io.coffer.staking.StakingService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.function.UnaryOperator;

/**
 * {@code POST /sandbox/staking/settings}, a Coffer extension: the simulated yearly reward rate of a
 * chain in the caller's sandbox workspace.
 */
public final class StakingSandboxRoutes {

    record Settings(String currency, int annualRateBps, long periodSeconds) {
    }

    private final StakingService staking;
    private final Bodies bodies;
    private final UnaryOperator<CallerHandler> guard;

    /** @param guard wraps each handler with the sandbox's checks (token, sandbox workspace, admin) */
    public StakingSandboxRoutes(StakingService staking, Bodies bodies, UnaryOperator<CallerHandler> guard) {
        this.staking = staking;
        this.bodies = bodies;
        this.guard = guard;
    }

    public void register(Api api) {
        api.post("/sandbox/staking/settings", guard.apply(this::settings));
    }

    private void settings(ServerRequest req, ServerResponse res, Caller caller) {
        JsonFields body = bodies.object(req).allowOnly("currency", "annual_rate_bps");
        String currency = body.string("currency");
        Chain chain = Chain.ofCurrency(currency).orElseThrow(() -> ApiException.badRequest(
                "field 'currency' must be a staked currency: ethereum, solana, tezos or cardano"));
        Responses.outcome(res, staking.setRate(caller, chain, body.longValue("annual_rate_bps")),
                rate -> new Settings(currency, rate, chain.periodSeconds()));
    }
}
