package io.coffer.request.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.http.ApiException;
import io.coffer.http.Json;
import io.coffer.http.JsonFields;
import io.coffer.transaction.SendIntent;
import io.coffer.transaction.Transaction;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Reads a {@code TransactionCreationRequestDataV2} body into a {@link SendIntent}, and writes the
 * request data approvers are shown: only the fields the spec defines and Coffer acts on, rebuilt from
 * what was read, so an approver signs exactly what will be sent and nothing a client slipped in.
 */
final class SendIntents {

    /** Note limits: what the note columns hold. */
    static final int MAX_NOTE_TITLE = 256;
    static final int MAX_NOTE_CONTENT = 4000;

    /** A parsed send and the data its challenges show. */
    record Parsed(SendIntent intent, String intentJson) {
    }

    private SendIntents() {
    }

    static Parsed read(JsonFields body) {
        String type = body.string("type");
        if (!type.equals("CREATE_TRANSACTION")) {
            throw ApiException.badRequest("type " + type + " is not supported by POST /requests on this server;"
                    + " CREATE_TRANSACTION and " + java.util.stream.Stream.of(AdminIntents.TYPES, SigningIntents.TYPES,
                            TradeLinkIntents.TYPES).flatMap(java.util.Set::stream).sorted().toList() + " are");
        }
        JsonFields data = body.optionalObject("data").orElseThrow(() -> ApiException.badRequest("field 'data' is required"));
        JsonFields transaction = data.optionalObject("transaction_data").orElseThrow(() ->
                ApiException.badRequest("field 'data.transaction_data' is required"));
        JsonFields fees = data.optionalObject("fees_strategy").orElseThrow(() ->
                ApiException.badRequest("field 'data.fees_strategy' is required"));
        Optional<Transaction.Note> note = body.optionalObject("note").map(SendIntents::note);
        SendIntent intent = new SendIntent(
                data.longValue("account_id"),
                data.string("transaction_type"),
                transaction.string("account_name"),
                transaction.string("currency"),
                transaction.amount("amount"),
                transaction.string("recipient"),
                transaction.amount("max_fees"),
                transaction.optionalString("contract_address"),
                strategy(fees),
                note);
        return new Parsed(intent, intentJson(intent));
    }

    static Transaction.Note note(JsonFields note) {
        String title = note.string("title");
        String content = note.string("content");
        if (title.length() > MAX_NOTE_TITLE) {
            throw ApiException.badRequest("field '" + note.path("title") + "' is longer than " + MAX_NOTE_TITLE + " characters");
        }
        if (content.length() > MAX_NOTE_CONTENT) {
            throw ApiException.badRequest("field '" + note.path("content") + "' is longer than " + MAX_NOTE_CONTENT
                    + " characters");
        }
        return new Transaction.Note(title, content);
    }

    /** The request's data in the spec's shape, from the parsed values only. */
    private static String intentJson(SendIntent intent) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("account_id", intent.accountId());
        ObjectNode fees = data.putObject("fees_strategy");
        ObjectNode feeData = Json.mapper().createObjectNode();
        switch (intent.feeStrategy()) {
            case SendIntent.FeeStrategy.Speed speed -> {
                fees.put("type", "SPEED");
                feeData.put("speed", speed.level().name());
            }
            case SendIntent.FeeStrategy.PerByte perByte -> {
                fees.put("type", "CUSTOM");
                feeData.put("fees_per_byte", perByte.feesPerByte().toString());
            }
            case SendIntent.FeeStrategy.Eip1559 custom -> {
                fees.put("type", "CUSTOM");
                feeData.put("gas_limit", custom.gasLimit().toString());
                feeData.put("priority_fees", custom.priorityFees().toString());
            }
            case SendIntent.FeeStrategy.GasPrice custom -> {
                fees.put("type", "CUSTOM");
                feeData.put("gas_limit", custom.gasLimit().toString());
                feeData.put("gas_price", custom.gasPrice().toString());
            }
        }
        fees.set("data", feeData);
        ObjectNode transaction = data.putObject("transaction_data");
        transaction.put("account_name", intent.accountName());
        transaction.put("amount", intent.amount().toString());
        intent.contractAddress().ifPresent(contract -> transaction.put("contract_address", contract));
        transaction.put("currency", intent.currency());
        transaction.put("max_fees", intent.maxFees().toString());
        transaction.put("recipient", intent.recipient());
        data.put("transaction_type", intent.transactionType());
        return data.toString();
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

    /** The spec sends fee parameters as strings of digits, like amounts. */
    private static BigInteger integer(JsonFields data, String name) {
        return data.amount(name).value();
    }
}
