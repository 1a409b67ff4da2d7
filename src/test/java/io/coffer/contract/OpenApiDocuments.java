package io.coffer.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Loading and normalising OpenAPI documents, shared by the generator and the contract tests. */
public final class OpenApiDocuments {

    /** Keys that carry prose, not shape: dropped from the reference, ignored when comparing. */
    static final Set<String> PROSE = Set.of("description", "summary", "example", "examples", "title", "externalDocs",
            "x-logo", "deprecated");

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private OpenApiDocuments() {
    }

    static JsonNode load(Path path) {
        try {
            return YAML.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Coffer's own document, as packaged on the classpath. */
    public static JsonNode coffer() {
        try (InputStream in = OpenApiDocuments.class.getResourceAsStream("/openapi.yaml")) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference spec, when the shared folder is present (it is in CI). */
    static Optional<Path> reference() {
        for (String candidate : new String[] {"../shared/reference/ledger-vault-api-1.35.yml",
                "../../shared/reference/ledger-vault-api-1.35.yml"}) {
            Path path = Path.of(candidate);
            if (Files.isRegularFile(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /** A deep copy without prose keys; names inside {@code properties} maps are kept. */
    static JsonNode withoutProse(JsonNode node) {
        return strip(node, false);
    }

    private static JsonNode strip(JsonNode node, boolean propertyMap) {
        if (node.isObject()) {
            ObjectNode copy = YAML.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!propertyMap && PROSE.contains(field.getKey())) {
                    continue;
                }
                copy.set(field.getKey(), strip(field.getValue(), field.getKey().equals("properties") && !propertyMap));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = YAML.createArrayNode();
            node.forEach(item -> copy.add(strip(item, false)));
            return copy;
        }
        return node.deepCopy();
    }

    /** Every schema name a node refers to with {@code #/components/schemas/...}. */
    static Set<String> schemaRefs(JsonNode node) {
        Set<String> refs = new LinkedHashSet<>();
        collectRefs(node, refs);
        return refs;
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.textValue().startsWith("#/components/schemas/")) {
                refs.add(ref.textValue().substring("#/components/schemas/".length()));
            }
            node.forEach(child -> collectRefs(child, refs));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
