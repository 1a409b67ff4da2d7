package io.coffer.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Coffer's own OpenAPI document agrees with the reference wherever they overlap: every operation it
 * takes from the reference has the same parameters, request body and responses, and every schema of
 * the reference it contains has the same shape. Prose is Coffer's own and is not compared.
 */
class ContractConformanceTest {

    @Test
    void everyReferenceOperationAndSchemaKeepsItsShape() {
        Optional<Path> referencePath = OpenApiDocuments.reference();
        assumeTrue(referencePath.isPresent(), "the reference spec (../shared/reference) is not present");
        JsonNode reference = OpenApiDocuments.load(referencePath.get());
        JsonNode coffer = OpenApiDocuments.coffer();
        List<String> differences = new ArrayList<>();
        coffer.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            String where = method.getKey().toUpperCase() + " " + path.getKey();
            JsonNode mine = method.getValue();
            if (mine.path("x-coffer-extension").asBoolean(false)) {
                if (reference.path("paths").has(path.getKey())) {
                    differences.add(where + " is marked as an extension but exists in the reference");
                }
                return;
            }
            JsonNode theirs = reference.path("paths").path(path.getKey()).path(method.getKey());
            if (theirs.isMissingNode()) {
                differences.add(where + " is not in the reference and not marked x-coffer-extension");
                return;
            }
            for (String part : List.of("parameters", "requestBody", "responses", "tags")) {
                JsonNode a = shape(mine.path(part));
                JsonNode b = shape(theirs.path(part));
                if (!a.equals(b)) {
                    differences.add(where + " differs in " + part);
                }
            }
        }));
        coffer.path("components").path("schemas").fields().forEachRemaining(schema -> {
            JsonNode theirs = reference.path("components").path("schemas").path(schema.getKey());
            if (theirs.isMissingNode()) {
                if (!schema.getKey().startsWith("Coffer")) {
                    differences.add("schema " + schema.getKey() + " is neither in the reference nor named Coffer*");
                }
                return;
            }
            if (!shape(schema.getValue()).equals(shape(theirs))) {
                differences.add("schema " + schema.getKey() + " differs from the reference");
            }
        });
        assertThat(differences).isEmpty();
    }

    @Test
    void noProseOfTheReferenceIsCopied() {
        Optional<Path> referencePath = OpenApiDocuments.reference();
        assumeTrue(referencePath.isPresent(), "the reference spec (../shared/reference) is not present");
        JsonNode reference = OpenApiDocuments.load(referencePath.get());
        List<String> theirs = new ArrayList<>();
        collectProse(reference, theirs);
        List<String> mine = new ArrayList<>();
        collectProse(OpenApiDocuments.coffer(), mine);
        List<String> copied = mine.stream().filter(text -> text.length() > 30 && theirs.contains(text)).toList();
        assertThat(copied).isEmpty();
    }

    /** The comparable shape of a node: prose and defaults removed. */
    private static JsonNode shape(JsonNode node) {
        JsonNode stripped = OpenApiDocuments.withoutProse(node);
        removeDefaults(stripped);
        return stripped;
    }

    private static void removeDefaults(JsonNode node) {
        if (node.isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove("default");
            node.forEach(ContractConformanceTest::removeDefaults);
        } else if (node.isArray()) {
            node.forEach(ContractConformanceTest::removeDefaults);
        }
    }

    private static void collectProse(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if ((field.getKey().equals("description") || field.getKey().equals("summary")) && field.getValue().isTextual()) {
                    out.add(field.getValue().textValue().trim());
                } else {
                    collectProse(field.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectProse(child, out));
        }
    }
}
