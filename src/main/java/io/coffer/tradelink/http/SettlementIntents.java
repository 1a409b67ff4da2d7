package io.coffer.tradelink.http;

import io.coffer.http.ApiException;
import io.coffer.http.JsonFields;
import io.coffer.tradelink.OutboundIntent;
import io.coffer.transaction.SendIntent;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Reads a settlement's {@code outbound_transaction_intent}: the spec's transaction creation data
 * (Ethereum- or Bitcoin-like send), strictly (any other field is a 400), or Coffer's short form
 * {@code {"amount"}}.
 */
final class SettlementIntents {

    private static final String[] SPEC_FIELDS = {"account_id", "transaction_type", "fees_strategy", "transaction_data"};

    /** What was read: the amount, and the full intent when the spec's form was sent. */
    record Read(Optional<io.coffer.common.Amount> amount, Optional<OutboundIntent> intent) {
    }

    private SettlementIntents() {
    }

    static Read read(Optional<JsonFields> outbound) {
        if (outbound.isEmpty()) {
            return new Read(Optional.empty(), Optional.empty());
        }
        JsonFields intent = outbound.get();
        boolean specShape = java.util.Arrays.stream(SPEC_FIELDS).anyMatch(intent::has);
        if (!specShape) {
            return new Read(Optional.of(intent.allowOnly("amount").amount("amount")), Optional.empty());
        }
        intent.allowOnly(SPEC_FIELDS);
        JsonFields data = intent.optionalObject("transaction_data")
                .orElseThrow(() -> ApiException.badRequest("field '" + intent.path("transaction_data") + "' is required"))
                .allowOnly("account_name", "amount", "contract_address", "currency", "max_fees", "recipient");
        JsonFields fees = intent.optionalObject("fees_strategy")
                .orElseThrow(() -> ApiException.badRequest("field '" + intent.path("fees_strategy") + "' is required"));
        OutboundIntent read = new OutboundIntent(intent.longValue("account_id"), intent.string("transaction_type"),
                data.string("account_name"), data.string("currency"), data.amount("amount"), data.string("recipient"),
                data.amount("max_fees"), data.optionalString("contract_address"), strategy(fees));
        return new Read(Optional.of(read.amount()), Optional.of(read));
    }

    /** {@code SPEED} with a level, or {@code CUSTOM} with the family's parameters, as for any send. */
    static SendIntent.FeeStrategy strategy(JsonFields fees) {
        fees.allowOnly("type", "data");
        String type = fees.string("type");
        JsonFields data = fees.optionalObject("data")
                .orElseThrow(() -> ApiException.badRequest("field '" + fees.path("data") + "' is required"));
        return switch (type) {
            case "SPEED" -> {
                data.allowOnly("speed");
                String speed = data.string("speed");
                try {
                    yield new SendIntent.FeeStrategy.Speed(SendIntent.SpeedLevel.valueOf(speed));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("field '" + data.path("speed") + "' must be FAST, NORMAL or SLOW");
                }
            }
            case "CUSTOM" -> {
                data.allowOnly("fees_per_byte", "gas_limit", "priority_fees", "gas_price");
                if (data.has("fees_per_byte")) {
                    yield new SendIntent.FeeStrategy.PerByte(integer(data, "fees_per_byte"));
                }
                if (data.has("priority_fees")) {
                    yield new SendIntent.FeeStrategy.Eip1559(integer(data, "gas_limit"), integer(data, "priority_fees"));
                }
                if (data.has("gas_price")) {
                    yield new SendIntent.FeeStrategy.GasPrice(integer(data, "gas_limit"), integer(data, "gas_price"));
                }
                throw ApiException.badRequest("field '" + fees.path("data") + "' of a CUSTOM strategy needs fees_per_byte,"
                        + " or gas_limit with priority_fees or gas_price");
            }
            default -> throw ApiException.badRequest("field '" + fees.path("type") + "' must be SPEED or CUSTOM");
        };
    }

    private static BigInteger integer(JsonFields data, String name) {
        return data.amount(name).value();
    }
}
