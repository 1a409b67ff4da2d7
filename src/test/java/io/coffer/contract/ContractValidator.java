package io.coffer.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Validates HTTP responses against Coffer's OpenAPI document. The document's OpenAPI 3.0 schemas are
 * turned into JSON Schema 2020-12 with two strict readings of what clients generated from the spec
 * need: {@code nullable} is honoured exactly, and objects accept no property their schema does not
 * declare. A {@code oneOf} of string enums that share values is read as {@code anyOf}.
 */
public final class ContractValidator {

    private static final Set<String> DROPPED = Set.of("description", "summary", "example", "examples", "title",
            "externalDocs", "default", "discriminator", "nullable", "xml", "readOnly", "writeOnly", "deprecated");
    private static final Set<String> FORMATS = Set.of("date-time", "date", "uuid", "email", "uri");
    private static final ContractValidator INSTANCE = new ContractValidator(OpenApiDocuments.coffer());

    private record Operation(String method, String template, Pattern pattern, int parameters, JsonNode node) {
    }

    private final JsonNode document;
    private final ObjectNode defs;
    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    ContractValidator(JsonNode document) {
        this.document = document;
        this.defs = JsonNodeFactory.instance.objectNode();
        document.path("components").path("schemas").fields()
                .forEachRemaining(entry -> defs.set(entry.getKey(), convert(entry.getValue(), false)));
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            String template = path.getKey();
            String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            int parameters = (int) template.chars().filter(c -> c == '{').count();
            operations.add(new Operation(method.getKey().toUpperCase(), template, Pattern.compile(regex), parameters,
                    method.getValue()));
        }));
        operations.sort(Comparator.comparingInt(Operation::parameters));
    }

    public static ContractValidator coffer() {
        return INSTANCE;
    }

    /** The document's path template an actual request path falls under, if any. */
    public Optional<String> template(String method, String path) {
        return operation(method, path).map(Operation::template);
    }

    /**
     * Validates a JSON response body against the schema the document declares for the operation
     * and status.
     *
     * @return the violations, empty when the body conforms
     */
    public List<String> validate(String method, String path, int status, JsonNode body) {
        Optional<Operation> operation = operation(method, path);
        if (operation.isEmpty()) {
            return List.of("the document has no operation " + method + " " + path);
        }
        JsonNode response = response(operation.get(), status);
        if (response.isMissingNode()) {
            return List.of("the document declares no " + status + " for " + method + " " + operation.get().template());
        }
        JsonNode schemaNode = response.path("content").path("application/json").path("schema");
        if (schemaNode.isMissingNode()) {
            return List.of("the document declares no JSON body for " + status + " of " + method + " " + path);
        }
        String key = method + " " + operation.get().template() + " " + status;
        JsonSchema schema = schemas.computeIfAbsent(key, k -> {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.set("$defs", defs);
            root.setAll((ObjectNode) convert(schemaNode, false));
            return factory.getSchema(root, config);
        });
        Set<ValidationMessage> errors = schema.validate(body);
        return errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
    }

    /** The response the document declares for an operation and status, its {@code $ref} followed. */
    private JsonNode response(Operation operation, int status) {
        JsonNode response = operation.node().path("responses").path(Integer.toString(status));
        if (response.has("$ref")) {
            String name = response.get("$ref").textValue().substring("#/components/responses/".length());
            return document.path("components").path("responses").path(name);
        }
        return response;
    }

    /**
     * Checks a response that is not JSON: the document must declare its media type (the Content-Type
     * without parameters) for the operation and status.
     *
     * @return the violations, empty when the media type is declared
     */
    public List<String> validateMediaType(String method, String path, int status, String contentType) {
        Optional<Operation> operation = operation(method, path);
        if (operation.isEmpty()) {
            return List.of("the document has no operation " + method + " " + path);
        }
        JsonNode response = response(operation.get(), status);
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (mediaType.isEmpty() || !response.path("content").has(mediaType)) {
            return List.of("the document declares no '" + mediaType + "' body for " + status + " of " + method + " "
                    + operation.get().template());
        }
        return List.of();
    }

    private Optional<Operation> operation(String method, String path) {
        return operations.stream()
                .filter(op -> op.method().equals(method) && op.pattern().matcher(path).matches())
                .findFirst();
    }

    private static boolean onlyStringEnums(JsonNode branches) {
        for (JsonNode branch : branches) {
            if (!"string".equals(branch.path("type").asText()) || !branch.has("enum")) {
                return false;
            }
        }
        return true;
    }

    /** OpenAPI 3.0 schema to JSON Schema 2020-12, strict about undeclared properties and nulls. */
    static JsonNode convert(JsonNode node, boolean propertyMap) {
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(convert(item, false)));
            return copy;
        }
        if (!node.isObject()) {
            return node.deepCopy();
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (propertyMap) {
                copy.set(key, convert(value, false));
            } else if (key.equals("$ref")) {
                copy.put("$ref", value.textValue().replace("#/components/schemas/", "#/$defs/"));
            } else if (key.equals("format")) {
                if (FORMATS.contains(value.textValue())) {
                    copy.set(key, value);
                }
            } else if (key.startsWith("x-") || DROPPED.contains(key)) {
                continue;
            } else {
                copy.set(key, convert(value, key.equals("properties")));
            }
        }
        if (propertyMap) {
            return copy;
        }
        if (copy.has("properties") && !copy.has("additionalProperties")) {
            copy.put("additionalProperties", false);
        }
        if (copy.has("oneOf") && onlyStringEnums(copy.get("oneOf"))) {
            // The spec's oneOf of overlapping string lists (User.role, User.status) cannot be met by
            // exactly one branch for a shared value such as ACTIVE; a value of either list is valid.
            copy.set("anyOf", copy.remove("oneOf"));
        }
        if (node.path("nullable").asBoolean(false)) {
            if (copy.has("type") && copy.get("type").isTextual()) {
                ArrayNode types = JsonNodeFactory.instance.arrayNode().add(copy.get("type").textValue()).add("null");
                copy.set("type", types);
                if (copy.has("enum")) {
                    ArrayNode values = (ArrayNode) copy.get("enum");
                    boolean hasNull = false;
                    for (JsonNode v : values) {
                        hasNull |= v.isNull();
                    }
                    if (!hasNull) {
                        values.addNull();
                    }
                }
            } else {
                ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
                wrapper.putArray("anyOf").add(copy).add(JsonNodeFactory.instance.objectNode().put("type", "null"));
                return wrapper;
            }
        }
        return copy;
    }
}
