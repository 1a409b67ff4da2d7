package io.coffer.request.http;

import io.coffer.http.ApiException;
import io.coffer.http.JsonFields;
import io.coffer.request.ForcedUnpledgeRequest;
import io.coffer.request.PledgeIncrementRequest;
import io.coffer.request.RequestChange;
import io.coffer.tradelink.ForcedUnpledge;
import io.coffer.tradelink.PledgeIncrement;
import java.util.Set;

/**
 * Reads the TradeLink bodies of {@code POST /requests}: {@code PledgeIncrementRequestData} and
 * {@code ForcedUnpledgeRequestData}, exactly their fields (what approvers sign is what was read).
 */
final class TradeLinkIntents {

    static final Set<String> TYPES = Set.of("CREATE_PLEDGE_INCREMENT", "CREATE_FORCED_UNPLEDGE");

    /** A parsed change and the JSON of its data, which challenges show to approvers. */
    record Parsed(RequestChange change, String intentJson) {
    }

    private TradeLinkIntents() {
    }

    static Parsed read(String type, JsonFields body) {
        body.allowOnly("type", "data");
        JsonFields data = body.optionalObject("data").orElseThrow(() -> ApiException.badRequest("field 'data' is required"));
        long subaccount = data.longValue("pledge_subaccount_id");
        if (type.equals("CREATE_PLEDGE_INCREMENT")) {
            data.allowOnly("pledge_data", "pledge_subaccount_id");
            JsonFields pledge = data.optionalObject("pledge_data")
                    .orElseThrow(() -> ApiException.badRequest("field 'data.pledge_data' is required"))
                    .allowOnly("account_name", "amount", "contract_address", "currency", "exchange_name");
            return new Parsed(new PledgeIncrementRequest(new PledgeIncrement(subaccount, pledge.string("account_name"),
                    pledge.amount("amount"), pledge.string("currency"), pledge.string("exchange_name"),
                    pledge.optionalString("contract_address"))), data.node().toString());
        }
        data.allowOnly("forced_unpledge_data", "pledge_subaccount_id");
        JsonFields unpledge = data.optionalObject("forced_unpledge_data")
                .orElseThrow(() -> ApiException.badRequest("field 'data.forced_unpledge_data' is required"))
                .allowOnly("account_name", "currency", "exchange_name");
        return new Parsed(new ForcedUnpledgeRequest(new ForcedUnpledge(subaccount, unpledge.string("account_name"),
                unpledge.string("currency"), unpledge.string("exchange_name"))), data.node().toString());
    }
}
