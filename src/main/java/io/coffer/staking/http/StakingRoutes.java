package io.coffer.staking.http;

import io.coffer.common.Caller;
import io.coffer.http.Api;
import io.coffer.http.ApiException;
import io.coffer.http.PathParams;
import io.coffer.http.Query;
import io.coffer.http.Responses;
import io.coffer.http.SearchResults;
import io.coffer.staking.Chain;
import io.coffer.staking.Reward;
import io.coffer.staking.StakeFilter;
import io.coffer.staking.StakeStatus;
import io.coffer.staking.Stakes;
import io.coffer.staking.StakingService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The 13 staking reads of the spec, under {@code /cardano}, {@code /ethereum}, {@code /solana}
 * and {@code /tezos}: stakes (searched with paging and filters where the spec says so), rewards,
 * periodic reward sums. An account of another chain is not found under a chain's path (404).
 */
public final class StakingRoutes {

    private static final Set<String> SEARCH_PARAMETERS = Set.of("account_id", "created_after", "created_before",
            "creation_tx", "id", "light", "order", "order_by", "page", "page_size", "stake_uid", "status");
    /** Filters that take several values are bounded like every input. */
    private static final int MAX_FILTER_VALUES = 100;

    private final StakingService staking;

    public StakingRoutes(StakingService staking) {
        this.staking = staking;
    }

    public void register(Api api) {
        for (Chain chain : List.of(Chain.CARDANO, Chain.SOLANA)) {
            String base = "/" + chain.apiName() + "/accounts/{account_id}";
            api.get(base + "/periodic-rewards", (req, res, caller) -> periodic(req, res, caller, chain));
            api.get(base + "/rewards", (req, res, caller) -> rewards(req, res, caller, chain, false));
            api.get(base + "/stakes", (req, res, caller) -> search(req, res, caller, chain));
            api.get(base + "/stakes/{stake_uid}/rewards", (req, res, caller) -> rewards(req, res, caller, chain, true));
        }
        api.get("/ethereum/accounts/{account_id}/rewards", (req, res, caller) -> rewards(req, res, caller,
                Chain.ETHEREUM, false));
        api.get("/ethereum/accounts/{account_id}/stakes", this::ethereumStakes);
        api.get("/ethereum/accounts/{account_id}/stakes/{stake_uid}/rewards", (req, res, caller) -> rewards(req, res,
                caller, Chain.ETHEREUM, true));
        api.get("/tezos/accounts/{account_id}/rewards", (req, res, caller) -> rewards(req, res, caller, Chain.TEZOS,
                false));
        api.get("/tezos/accounts/{account_id}/stakes", (req, res, caller) -> search(req, res, caller, Chain.TEZOS));
    }

    private void search(ServerRequest req, ServerResponse res, Caller caller, Chain chain) {
        long accountId = PathParams.id(req, "account_id");
        Query query = Query.of(req).allowOnly(SEARCH_PARAMETERS, false);
        Optional<Long> named = query.id("account_id");
        if (named.isPresent() && named.get() != accountId) {
            throw ApiException.badRequest("query parameter 'account_id' must be the path's account id, " + accountId);
        }
        query.bool("light");
        List<String> uids = query.strings("stake_uid");
        if (uids.size() > MAX_FILTER_VALUES) {
            throw ApiException.badRequest("query parameter 'stake_uid' takes at most " + MAX_FILTER_VALUES + " values");
        }
        StakeFilter filter = new StakeFilter(query.id("id"), query.id("creation_tx"), uids,
                query.enumValues("status", StakeStatus.class), query.instant("created_after"),
                query.instant("created_before"));
        Responses.outcome(res, staking.search(caller, chain, accountId, filter, query.page(Stakes.ORDER_BY, "created_on")),
                found -> SearchResults.of(found.value(), stake -> StakingJson.stake(stake, found.rateBps())));
    }

    private void ethereumStakes(ServerRequest req, ServerResponse res, Caller caller) {
        long accountId = PathParams.id(req, "account_id");
        Query.of(req).allowOnly(Set.of(), false);
        Responses.outcome(res, staking.stakes(caller, Chain.ETHEREUM, accountId), found -> found.value().stream()
                .map(stake -> StakingJson.ethereum(stake, found.account(), found.rateBps())).toList());
    }

    private void rewards(ServerRequest req, ServerResponse res, Caller caller, Chain chain, boolean ofStake) {
        long accountId = PathParams.id(req, "account_id");
        Optional<String> uid = ofStake ? Optional.of(PathParams.string(req, "stake_uid")) : Optional.empty();
        Optional<Instant> from = Optional.empty();
        Optional<Instant> to = Optional.empty();
        Optional<Long> fromCycle = Optional.empty();
        Optional<Long> toCycle = Optional.empty();
        if (chain == Chain.ETHEREUM && ofStake) {
            Query query = Query.of(req).allowOnly(Set.of("start_date", "end_date"), false);
            from = query.string("start_date").map(value -> date("start_date", value).atStartOfDay().toInstant(ZoneOffset.UTC));
            to = query.string("end_date").map(value -> date("end_date", value).plusDays(1).atStartOfDay()
                    .toInstant(ZoneOffset.UTC).minusNanos(1));
        } else if (chain == Chain.TEZOS) {
            Query query = Query.of(req).allowOnly(Set.of("start_cycle", "end_cycle"), false);
            fromCycle = query.integer("start_cycle").map(Integer::longValue);
            toCycle = query.integer("end_cycle").map(Integer::longValue);
        } else {
            Query.of(req).allowOnly(Set.of(), false);
        }
        Function<Reward, Object> view = switch (chain) {
            case ETHEREUM -> ofStake
                    ? r -> new StakingJson.EthereumReward(r.amount(), r.paidOn(), StakingJson.ethereumInfo(r), r.stakeUid())
                    : r -> new StakingJson.EthereumAccountReward(r.amount(), r.paidOn(), StakingJson.ethereumInfo(r));
            case SOLANA -> StakingJson::solanaReward;
            case CARDANO -> StakingJson::cardanoReward;
            case TEZOS -> StakingJson::tezosReward;
        };
        Responses.outcome(res, staking.rewards(caller, chain, accountId, uid, from, to, fromCycle, toCycle),
                found -> found.value().stream().map(view).toList());
    }

    private void periodic(ServerRequest req, ServerResponse res, Caller caller, Chain chain) {
        long accountId = PathParams.id(req, "account_id");
        Query.of(req).allowOnly(Set.of(), false);
        Responses.outcome(res, staking.periodic(caller, chain, accountId),
                found -> List.of(StakingJson.Periodic.of(found.value())));
    }

    private static LocalDate date(String name, String value) {
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 1 || date.getYear() > 9999) {
                throw ApiException.badRequest("query parameter '" + name + "' must be a date in the years 0001 to 9999");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("query parameter '" + name + "' must be a date such as 2026-01-31");
        }
    }
}
