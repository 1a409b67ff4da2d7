package io.coffer.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.common.Amount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed, validated access to the fields of a JSON object from a request body. Every failure is a
 * 400 that names the field.
 */
public final class JsonFields {

    /** Decimals with more places (or a larger exponent) than this are refused before any arithmetic. */
    static final int MAX_DECIMAL_SCALE = 100;

    private final JsonNode node;
    private final String prefix;

    JsonFields(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    public static JsonFields of(JsonNode node, String path) {
        if (!node.isObject()) {
            throw ApiException.badRequest("'" + path + "' must be a JSON object");
        }
        return new JsonFields(node, path + ".");
    }

    public JsonNode node() {
        return node;
    }

    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    public String string(String name) {
        return optionalString(name).orElseThrow(() -> missing(name));
    }

    public Optional<String> optionalString(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw invalid(name, "must be a string");
        }
        if (!wellFormed(value.textValue())) {
            throw invalid(name, "holds an unpaired surrogate (\\ud800-\\udfff alone is not a character)");
        }
        if (value.textValue().indexOf('\u0000') >= 0) {
            // PostgreSQL text cannot hold NUL: refused here for every string, on every database alike.
            throw invalid(name, "holds a NUL character (\\u0000)");
        }
        return Optional.of(value.textValue());
    }

    public long longValue(String name) {
        return optionalLong(name).orElseThrow(() -> missing(name));
    }

    public Optional<Long> optionalLong(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Optional.of(value.longValue());
        }
        throw invalid(name, value.isIntegralNumber() ? "is out of range" : "must be a JSON integer");
    }

    public Optional<java.math.BigDecimal> optionalDecimal(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw invalid(name, "must be a JSON number");
        }
        // Floats are read as BigDecimal (Json's mapper), so 1e309 is a large number, never an infinity; an
        // exponent far beyond any real value (1e-999999999) would make every later rounding crawl.
        java.math.BigDecimal decimal = value.decimalValue();
        if (Math.abs((long) decimal.scale()) > MAX_DECIMAL_SCALE) {
            throw invalid(name, "has too many decimal places or too large an exponent");
        }
        return Optional.of(decimal);
    }

    public Optional<Boolean> optionalBoolean(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw invalid(name, "must be true or false");
        }
        return Optional.of(value.booleanValue());
    }

    /** A base-unit amount, given as the contract spells amounts: a string of digits, never a JSON number. */
    public Amount amount(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw missing(name);
        }
        if (!value.isTextual()) {
            throw invalid(name, "must be a string of base-unit digits, e.g. \"1000\"");
        }
        String text = value.textValue();
        return Amount.parse(text).orElseThrow(() -> invalid(name,
                "must be a whole number of base units between 0 and 2^256-1, got '" + abbreviate(text) + "'"));
    }

    public Optional<JsonFields> optionalObject(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw invalid(name, "must be a JSON object");
        }
        return Optional.of(new JsonFields(value, prefix + name + "."));
    }

    public Optional<List<JsonNode>> optionalArray(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw invalid(name, "must be a JSON array");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return Optional.of(items);
    }

    /** An optional array of integers, each at least {@code min} (ids, tags). */
    public Optional<List<Long>> optionalLongs(String name, long min) {
        return optionalArray(name).map(items -> {
            List<Long> values = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                if (!item.isIntegralNumber() || !item.canConvertToLong() || item.longValue() < min) {
                    throw ApiException.badRequest("field '" + path(name) + "[" + i + "]' must be an integer, at least " + min);
                }
                values.add(item.longValue());
            }
            return values;
        });
    }

    /** Refuses any field but these: for bodies Coffer defines, an unknown field is a mistake to report. */
    public JsonFields allowOnly(String... names) {
        java.util.Set<String> allowed = java.util.Set.of(names);
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                throw ApiException.badRequest("field '" + prefix + abbreviate(field) + "' is not one of "
                        + java.util.Arrays.stream(names).sorted().toList());
            }
        });
        return this;
    }

    public String path(String name) {
        return prefix + name;
    }

    private ApiException missing(String name) {
        return ApiException.badRequest("field '" + prefix + name + "' is required");
    }

    private ApiException invalid(String name, String what) {
        return ApiException.badRequest("field '" + prefix + name + "' " + what);
    }

    /** Whether every UTF-16 surrogate of a string is paired, so the string is Unicode text. */
    static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
