package io.coffer.transaction.http;

import io.coffer.common.Caller;
import io.coffer.http.Api;
import io.coffer.http.PathParams;
import io.coffer.http.Responses;
import io.coffer.transaction.TransactionService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** The transactions part of the API. */
public final class TransactionRoutes {

    private final TransactionService transactions;

    public TransactionRoutes(TransactionService transactions) {
        this.transactions = transactions;
    }

    public void register(Api api) {
        api.get("/transactions/{transaction_id}", this::get);
    }

    private void get(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.outcome(res, transactions.get(caller, PathParams.id(req, "transaction_id")), TransactionJson::view);
    }
}
