package io.coffer.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of OpenAPI 3.0 schema validation the fuzz test needs to tell whether the document
 * declares an input invalid: $ref, type (integer as in JSON Schema draft 4: no fraction, no
 * exponent), nullable, enum, required, properties, additionalProperties, items, allOf, anyOf,
 * oneOf, minimum/maximum (with the 3.0 boolean exclusive flags), minLength/maxLength, pattern and
 * format date-time (RFC 3339, four-digit years). Anything else the document might say is ignored,
 * so the check errs on the side of "valid".
 */
final class SchemaCheck {

    private static final Pattern DATE_TIME = Pattern.compile(
            "^(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?([Zz]|[+-](\\d{2}):(\\d{2}))$");

    private final JsonNode document;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    SchemaCheck(JsonNode document) {
        this.document = document;
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return null;
            }
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            current = target.isMissingNode() ? null : target;
        }
        return current;
    }

    /** The violations of a value against a schema, with JSON pointers; empty when valid. */
    List<String> violations(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "", out);
        return out;
    }

    boolean valid(JsonNode schema, JsonNode value) {
        return violations(schema, value).isEmpty();
    }

    private void check(JsonNode rawSchema, JsonNode value, String at, List<String> out) {
        JsonNode schema = resolve(rawSchema);
        if (schema == null || !schema.isObject()) {
            return;
        }
        if (value.isNull()) {
            checkNull(schema, at, out);
            return;
        }
        JsonNode enumeration = schema.get("enum");
        if (enumeration != null && enumeration.isArray() && !inEnum(enumeration, value)) {
            out.add(at + ": " + brief(value) + " is not one of " + brief(enumeration));
        }
        String type = schema.path("type").asText("");
        if (!type.isEmpty() && !hasType(type, value)) {
            out.add(at + ": " + brief(value) + " is not of type " + type);
            return;
        }
        if (value.isTextual()) {
            checkString(schema, value.textValue(), at, out);
        }
        if (value.isNumber()) {
            checkNumber(schema, value.decimalValue(), at, out);
        }
        if (value.isObject()) {
            checkObject(schema, value, at, out);
        }
        if (value.isArray()) {
            JsonNode items = schema.get("items");
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                out.add(at + ": fewer than " + schema.get("minItems").asInt() + " items");
            }
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                out.add(at + ": more than " + schema.get("maxItems").asInt() + " items");
            }
            if (items != null) {
                for (int i = 0; i < value.size(); i++) {
                    check(items, value.get(i), at + "/" + i, out);
                }
            }
        }
        checkCompositions(schema, value, at, out);
    }

    private void checkNull(JsonNode schema, String at, List<String> out) {
        if (schema.path("nullable").asBoolean(false)) {
            return;
        }
        JsonNode enumeration = schema.get("enum");
        if (enumeration != null && enumeration.isArray()) {
            if (!inEnum(enumeration, com.fasterxml.jackson.databind.node.NullNode.getInstance())) {
                out.add(at + ": null is not one of " + brief(enumeration));
            }
            return;
        }
        if (schema.has("type")) {
            out.add(at + ": null where " + schema.get("type").asText() + " is declared (not nullable)");
            return;
        }
        checkCompositions(schema, com.fasterxml.jackson.databind.node.NullNode.getInstance(), at, out);
    }

    private void checkCompositions(JsonNode schema, JsonNode value, String at, List<String> out) {
        JsonNode allOf = schema.get("allOf");
        if (allOf != null) {
            allOf.forEach(sub -> check(sub, value, at, out));
        }
        for (String kind : List.of("anyOf", "oneOf")) {
            JsonNode alternatives = schema.get(kind);
            if (alternatives == null || alternatives.isEmpty()) {
                continue;
            }
            List<String> closest = null;
            int matching = 0;
            for (JsonNode alternative : alternatives) {
                List<String> errors = new ArrayList<>();
                check(alternative, value, at, errors);
                if (errors.isEmpty()) {
                    matching++;
                } else if (closest == null || closer(errors, closest)) {
                    closest = errors;
                }
            }
            if (matching == 0) {
                // The alternative that comes closest says best what went wrong.
                out.addAll(closest);
            } else if (kind.equals("oneOf") && matching > 1) {
                out.add(at + ": matches " + matching + " alternatives of oneOf");
            }
        }
    }

    /** Fewer violations first, then the deepest one: it names the field that was changed. */
    private static boolean closer(List<String> errors, List<String> best) {
        if (errors.size() != best.size()) {
            return errors.size() < best.size();
        }
        return depth(errors.get(0)) > depth(best.get(0));
    }

    private static int depth(String violation) {
        String pointer = violation.substring(0, Math.max(0, violation.indexOf(':')));
        return pointer.split("/").length;
    }

    private void checkString(JsonNode schema, String text, String at, List<String> out) {
        int length = text.codePointCount(0, text.length());
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            out.add(at + ": shorter than minLength " + schema.get("minLength").asInt());
        }
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            out.add(at + ": longer than maxLength " + schema.get("maxLength").asInt());
        }
        if (schema.has("pattern")) {
            String regex = schema.get("pattern").asText();
            Pattern pattern = patterns.computeIfAbsent(regex, Pattern::compile);
            if (!pattern.matcher(text).find()) {
                out.add(at + ": " + brief(text) + " does not match " + regex);
            }
        }
        if ("date-time".equals(schema.path("format").asText()) && !isDateTime(text)) {
            out.add(at + ": " + brief(text) + " is not an RFC 3339 date-time");
        }
    }

    private static void checkNumber(JsonNode schema, BigDecimal number, String at, List<String> out) {
        if (schema.has("minimum")) {
            int cmp = number.compareTo(schema.get("minimum").decimalValue());
            if (cmp < 0 || (cmp == 0 && schema.path("exclusiveMinimum").asBoolean(false))) {
                out.add(at + ": " + number.toString() + " is below the minimum " + schema.get("minimum"));
            }
        }
        if (schema.has("maximum")) {
            int cmp = number.compareTo(schema.get("maximum").decimalValue());
            if (cmp > 0 || (cmp == 0 && schema.path("exclusiveMaximum").asBoolean(false))) {
                out.add(at + ": " + brief(number.toString()) + " is above the maximum " + schema.get("maximum"));
            }
        }
    }

    private void checkObject(JsonNode schema, JsonNode value, String at, List<String> out) {
        JsonNode required = schema.get("required");
        if (required != null) {
            for (JsonNode name : required) {
                if (!value.has(name.asText())) {
                    out.add(at + ": required '" + name.asText() + "' is missing");
                }
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode declared = properties.get(field.getKey());
            if (declared != null) {
                check(declared, field.getValue(), at + "/" + field.getKey(), out);
            } else if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
                out.add(at + ": unknown property '" + field.getKey() + "'");
            } else if (additional != null && additional.isObject()) {
                check(additional, field.getValue(), at + "/" + field.getKey(), out);
            }
        }
    }

    private static boolean hasType(String type, JsonNode value) {
        return switch (type) {
            case "string" -> value.isTextual();
            // JSON Schema draft 4 (the base of OpenAPI 3.0): an integer has no fraction and no exponent.
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> true;
        };
    }

    private static boolean inEnum(JsonNode enumeration, JsonNode value) {
        for (JsonNode allowed : enumeration) {
            if (allowed.isNumber() && value.isNumber()) {
                if (allowed.decimalValue().compareTo(value.decimalValue()) == 0) {
                    return true;
                }
            } else if (allowed.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** RFC 3339 section 5.6: a four-digit year, a real calendar day and clock time. */
    static boolean isDateTime(String text) {
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            int second = Integer.parseInt(m.group(6));
            LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Math.min(second, 59));
            if (second > 60) {
                return false;
            }
            if (m.group(9) != null) {
                LocalTime.of(Integer.parseInt(m.group(9)), Integer.parseInt(m.group(10)));
            }
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    private static String brief(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 40 ? text : text.substring(0, 40) + "…(" + text.length() + " chars)";
    }
}
