package io.coffer.request.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.coffer.http.ApiException;
import io.coffer.http.Json;
import io.coffer.http.JsonFields;
import io.coffer.transaction.SendIntent;
import io.coffer.transaction.Transaction;
import java.math.BigInteger;
import java.util.Optional;

/** Reads a {@code TransactionCreationRequestDataV2} body into a {@link SendIntent}. */
final class SendIntents {

    private SendIntents() {
    }

    static SendIntent read(JsonFields body) {
        String type = body.string("type");
        if (!type.equals("CREATE_TRANSACTION")) {
            throw ApiException.badRequest("type " + type + " is not supported by POST /requests on this server;"
                    + " CREATE_TRANSACTION and " + AdminIntents.TYPES.stream().sorted().toList() + " are");
        }
        JsonFields data = body.optionalObject("data").orElseThrow(() -> ApiException.badRequest("field 'data' is required"));
        JsonFields transaction = data.optionalObject("transaction_data").orElseThrow(() ->
                ApiException.badRequest("field 'data.transaction_data' is required"));
        JsonFields fees = data.optionalObject("fees_strategy").orElseThrow(() ->
                ApiException.badRequest("field 'data.fees_strategy' is required"));
        Optional<Transaction.Note> note = body.optionalObject("note")
                .map(n -> new Transaction.Note(n.string("title"), n.string("content")));
        String intentJson;
        try {
            intentJson = Json.mapper().writeValueAsString(data.node());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new SendIntent(
                data.longValue("account_id"),
                data.string("transaction_type"),
                transaction.string("account_name"),
                transaction.string("currency"),
                transaction.amount("amount"),
                transaction.string("recipient"),
                transaction.amount("max_fees"),
                transaction.optionalString("contract_address"),
                strategy(fees),
                note,
                intentJson);
    }

    private static SendIntent.FeeStrategy strategy(JsonFields fees) {
        String type = fees.string("type");
        JsonFields data = fees.optionalObject("data").orElseThrow(() ->
                ApiException.badRequest("field '" + fees.path("data") + "' is required"));
        return switch (type) {
            case "SPEED" -> {
                String speed = data.string("speed");
                try {
                    yield new SendIntent.FeeStrategy.Speed(SendIntent.SpeedLevel.valueOf(speed));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("field '" + data.path("speed") + "' must be FAST, NORMAL or SLOW");
                }
            }
            case "CUSTOM" -> {
                if (data.has("fees_per_byte")) {
                    yield new SendIntent.FeeStrategy.PerByte(integer(data, "fees_per_byte"));
                }
                if (data.has("priority_fees")) {
                    yield new SendIntent.FeeStrategy.Eip1559(integer(data, "gas_limit"), integer(data, "priority_fees"));
                }
                if (data.has("gas_price")) {
                    yield new SendIntent.FeeStrategy.GasPrice(integer(data, "gas_limit"), integer(data, "gas_price"));
                }
                throw ApiException.badRequest("a CUSTOM fees strategy needs fees_per_byte, or gas_limit with priority_fees"
                        + " or gas_price");
            }
            default -> throw ApiException.badRequest("field '" + fees.path("type") + "' must be SPEED or CUSTOM");
        };
    }

    private static BigInteger integer(JsonFields data, String name) {
        return data.amount(name).value();
    }
}
