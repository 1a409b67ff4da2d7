package io.coffer.transaction.http;

import io.coffer.common.Caller;
import io.coffer.http.Api;
import io.coffer.label.LabelService;
import io.coffer.label.http.LabelJson;
import io.coffer.http.PathParams;
import io.coffer.http.Query;
import io.coffer.http.Responses;
import io.coffer.http.SearchResults;
import io.coffer.transaction.TransactionFilter;
import io.coffer.transaction.TransactionService;
import io.coffer.transaction.TransactionStatus;
import io.coffer.transaction.TransactionType;
import io.coffer.transaction.Transactions;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Set;

/** The transactions part of the API: search, one transaction, its labels. */
public final class TransactionRoutes {

    private static final Set<String> SEARCH_PARAMETERS = Set.of("account", "created_after", "created_before", "currency",
            "destination_tag", "id", "interaction_type", "label", "max_amount", "memo", "min_amount", "recipient",
            "status", "title", "tx_hash", "tx_label", "type");

    private final TransactionService transactions;
    private final LabelService labels;

    public TransactionRoutes(TransactionService transactions, LabelService labels) {
        this.transactions = transactions;
        this.labels = labels;
    }

    /** The spec's values of the {@code interaction_type} filter. */
    private static final java.util.List<String> INTERACTION_TYPES = java.util.List.of("APPROVAL", "STAKE", "SWAP",
            "UNKNOWN", "UNWRAP", "WRAP");

    public void register(Api api) {
        api.get("/transactions", this::search);
        api.get("/transactions/{transaction_id}", this::get);
        api.get("/transactions/{transaction_id}/labels", this::labels);
    }

    private void search(ServerRequest req, ServerResponse res, Caller caller) {
        Query query = Query.of(req).allowOnly(SEARCH_PARAMETERS, false);
        // Memos, destination tags and contract interactions do not exist on Coffer's transactions
        // yet: filtering by them matches nothing.
        boolean nothing = query.wholeNumber("destination_tag").isPresent() || query.string("memo").isPresent()
                || query.oneOf("interaction_type", value -> INTERACTION_TYPES.contains(value) ? java.util.Optional.of(value)
                        : java.util.Optional.empty(), "one of " + INTERACTION_TYPES).isPresent();
        java.util.List<String> labels = new java.util.ArrayList<>(query.strings("tx_label"));
        query.string("label").ifPresent(labels::add);
        TransactionFilter filter = new TransactionFilter(query.id("id"), query.ids("account"), query.strings("currency"),
                query.enumValues("status", TransactionStatus.class), query.enumValue("type", TransactionType.class),
                query.string("tx_hash"), query.string("recipient"), query.amount("min_amount"), query.amount("max_amount"),
                query.string("title"), query.instant("created_after"), query.instant("created_before"), labels, nothing);
        Responses.ok(res, SearchResults.of(transactions.search(caller, filter, query.page(Transactions.ORDER_BY,
                "created_on")), TransactionJson::view));
    }

    private void get(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.outcome(res, transactions.get(caller, PathParams.id(req, "transaction_id")), TransactionJson::view);
    }

    private void labels(ServerRequest req, ServerResponse res, Caller caller) {
        long id = PathParams.id(req, "transaction_id");
        Responses.outcome(res, transactions.get(caller, id),
                found -> labels.ofTransaction(id).stream().map(LabelJson::of).toList());
    }
}
