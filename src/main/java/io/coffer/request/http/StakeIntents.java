package io.coffer.request.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.http.ApiException;
import io.coffer.http.Json;
import io.coffer.http.JsonFields;
import io.coffer.staking.StakeIntent;
import io.coffer.staking.StakeOperation;
import java.util.Optional;

/**
 * Reads a staking {@code CREATE_TRANSACTION} body into a {@link StakeIntent}: the spec's envelope
 * ({@code type}, {@code data.account_id}, {@code data.transaction_type}, {@code note}) with
 * Coffer's staking {@code transaction_type}s and their {@code transaction_data}. The request data
 * approvers see is rebuilt from what was read.
 */
final class StakeIntents {

    /** Validators, pools and stake uids are short identifiers. */
    static final int MAX_IDENTIFIER = 128;

    /** A parsed staking transaction and the data its challenges show. */
    record Parsed(StakeIntent intent, String intentJson) {
    }

    private StakeIntents() {
    }

    /** Whether a {@code POST /requests} body asks for a staking transaction. */
    static boolean isStaking(JsonFields body) {
        return body.optionalString("type").filter("CREATE_TRANSACTION"::equals).isPresent()
                && body.optionalObject("data").flatMap(data -> data.optionalString("transaction_type"))
                .filter(StakeOperation.NAMES::contains).isPresent();
    }

    static Parsed read(JsonFields body) {
        body.allowOnly("type", "data", "note");
        JsonFields data = body.optionalObject("data").orElseThrow();
        data.allowOnly("account_id", "transaction_type", "transaction_data", "fees_strategy");
        StakeOperation operation = StakeOperation.valueOf(data.string("transaction_type"));
        JsonFields transaction = data.optionalObject("transaction_data").orElseThrow(() ->
                ApiException.badRequest("field 'data.transaction_data' is required"));
        transaction.allowOnly("account_name", "currency", "amount", "max_fees", "validator", "stake_uid");
        data.optionalObject("fees_strategy");
        StakeIntent intent = new StakeIntent(
                data.longValue("account_id"),
                operation,
                transaction.string("account_name"),
                transaction.string("currency"),
                transaction.has("amount") ? Optional.of(transaction.amount("amount")) : Optional.empty(),
                transaction.amount("max_fees"),
                identifier(transaction, "validator"),
                identifier(transaction, "stake_uid"),
                body.optionalObject("note").map(SendIntents::note));
        return new Parsed(intent, intentJson(intent));
    }

    private static Optional<String> identifier(JsonFields fields, String name) {
        Optional<String> value = fields.optionalString(name);
        if (value.isPresent() && (value.get().isEmpty() || value.get().length() > MAX_IDENTIFIER)) {
            throw ApiException.badRequest("field '" + fields.path(name) + "' must be 1 to " + MAX_IDENTIFIER + " characters");
        }
        return value;
    }

    private static String intentJson(StakeIntent intent) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("account_id", intent.accountId());
        ObjectNode transaction = data.putObject("transaction_data");
        transaction.put("account_name", intent.accountName());
        intent.amount().ifPresent(amount -> transaction.put("amount", amount.toString()));
        transaction.put("currency", intent.currency());
        transaction.put("max_fees", intent.maxFees().toString());
        intent.stakeUid().ifPresent(uid -> transaction.put("stake_uid", uid));
        intent.validator().ifPresent(validator -> transaction.put("validator", validator));
        data.put("transaction_type", intent.operation().name());
        return data.toString();
    }
}
