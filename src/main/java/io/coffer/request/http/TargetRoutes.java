package io.coffer.request.http;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.http.Api;
import io.coffer.http.ApiException;
import io.coffer.http.Bodies;
import io.coffer.http.ErrorBody;
import io.coffer.http.PathParams;
import io.coffer.http.Responses;
import io.coffer.request.RequestService;
import io.coffer.request.TargetType;
import io.coffer.transaction.FeePlan;
import io.coffer.transaction.SendService;
import io.coffer.transaction.TransactionService;
import io.coffer.transaction.http.TransactionJson;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Routes about objects that requests act on: the history of transactions and accounts, rejecting a
 * transaction, and fee estimates (which read a request body).
 */
public final class TargetRoutes {

    /** The spec's {@code EthereumTransactionFeeEstimation} with {@code EthereumEIP1559FeesFields}. */
    record EvmEstimate(String maxFees, EvmFees coinFields) {
    }

    record EvmFees(java.math.BigInteger gasLimit, java.math.BigInteger priorityFees) {
    }

    /** The spec's {@code BitcoinTransactionFeeEstimation}. */
    record UtxoEstimate(String maxFees, UtxoFees coinFields) {
    }

    record UtxoFees(@com.fasterxml.jackson.annotation.JsonProperty("UTXO_limit") int utxoLimit, BigDecimal feesPerByte) {
    }

    private final RequestService requests;
    private final TransactionService transactions;
    private final io.coffer.account.AccountService accounts;
    private final Bodies bodies;
    private final Map<TargetType, ObjectCheck> objects;

    /** Whether the caller may see an object of some type: its answer for a missing or hidden one. */
    public interface ObjectCheck {
        Outcome<?> visible(Caller caller, long id);
    }

    /**
     * @param objects how to check the visibility of users, groups, entities and whitelists, whose
     *     histories are served here
     */
    public TargetRoutes(RequestService requests, TransactionService transactions, io.coffer.account.AccountService accounts,
                        Bodies bodies, Map<TargetType, ObjectCheck> objects) {
        this.objects = Map.copyOf(objects);
        this.requests = requests;
        this.transactions = transactions;
        this.accounts = accounts;
        this.bodies = bodies;
    }

    public void register(Api api) {
        api.post("/transactions/estimate-fees", this::estimate);
        api.get("/transactions/{transaction_id}/history", this::transactionHistory);
        api.post("/transactions/{transaction_id}/reject", this::rejectTransaction);
        api.get("/accounts/{account_id}/history", this::accountHistory);
        api.get("/users/{user_id}/history", (req, res, caller) -> objectHistory(req, res, caller, TargetType.USER, "user_id"));
        api.get("/groups/{group_id}/history", (req, res, caller) -> objectHistory(req, res, caller, TargetType.GROUP,
                "group_id"));
        api.get("/entities/{entity_id}/history", (req, res, caller) -> objectHistory(req, res, caller, TargetType.ENTITY,
                "entity_id"));
        api.get("/whitelists/{whitelist_id}/history", (req, res, caller) -> objectHistory(req, res, caller,
                TargetType.WHITELIST, "whitelist_id"));
        api.get("/messages/{message_id}/history", (req, res, caller) -> objectHistory(req, res, caller, TargetType.MESSAGE,
                "message_id"));
        api.get("/digests/{digests_id}/history", (req, res, caller) -> objectHistory(req, res, caller,
                TargetType.DIGESTS, "digests_id"));
    }

    private void objectHistory(ServerRequest req, ServerResponse res, Caller caller, TargetType type, String parameter) {
        long id = PathParams.id(req, parameter);
        objects.get(type).visible(caller, id).orElseThrow(problem -> new ApiException(ErrorBody.of(problem)));
        history(res, caller, type, id);
    }

    private void history(ServerResponse res, Caller caller, TargetType type, long id) {
        RequestService.History history = requests.history(caller, type, id);
        Responses.ok(res, RequestJson.history(history.events(), history.requests()));
    }

    private void estimate(ServerRequest req, ServerResponse res, Caller caller) {
        var intent = SendIntents.read(bodies.object(req)).intent();
        Outcome<SendService.Estimate> estimate = transactions.estimate(caller, intent);
        Responses.outcome(res, estimate, found -> switch (found.fees()) {
            case FeePlan.Evm evm -> new EvmEstimate(evm.maxFee().toString(),
                    new EvmFees(evm.gasLimit(), evm.priorityFeePerGas()));
            case FeePlan.Utxo utxo -> new UtxoEstimate(utxo.maxFee().toString(),
                    new UtxoFees(found.inputs(), new BigDecimal(utxo.feePerVbyte())));
        });
    }

    private void transactionHistory(ServerRequest req, ServerResponse res, Caller caller) {
        long id = PathParams.id(req, "transaction_id");
        transactions.get(caller, id).orElseThrow(problem -> new ApiException(ErrorBody.of(problem)));
        history(res, caller, TargetType.TRANSACTION, id);
    }

    private void rejectTransaction(ServerRequest req, ServerResponse res, Caller caller) {
        long id = PathParams.id(req, "transaction_id");
        requests.rejectTransaction(caller, id).orElseThrow(problem -> new ApiException(ErrorBody.of(problem)));
        Responses.outcome(res, transactions.get(caller, id), TransactionJson::view);
    }

    private void accountHistory(ServerRequest req, ServerResponse res, Caller caller) {
        long id = PathParams.id(req, "account_id");
        accounts.find(caller, id).orElseThrow(problem -> new ApiException(ErrorBody.of(problem)));
        history(res, caller, TargetType.ACCOUNT, id);
    }
}
