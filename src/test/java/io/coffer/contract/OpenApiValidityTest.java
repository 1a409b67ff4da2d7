package io.coffer.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Coffer's OpenAPI document (docs/openapi.yaml, served as GET /openapi.yaml) is a valid OpenAPI 3.0
 * document, so that tools which validate a document before generating a client accept it. Two
 * independent checks: swagger-parser's reading of the document, and the official OpenAPI 3.0 JSON
 * Schema (the copy shipped in io.openapiprocessor:openapi-parser) applied with networknt's validator.
 * Either one reporting anything fails the test; the last tests prove both see the errors that matter.
 */
class OpenApiValidityTest {

    /** The OpenAPI Initiative's JSON Schema for 3.0.x documents (draft-04), as a classpath resource. */
    private static final String OPENAPI_30_SCHEMA = "/openapi/3.0/schema/2024-10-18";

    private static final JsonSchema SCHEMA = officialSchema();

    @Test
    void theDocumentIsOpenApi303() {
        assertThat(OpenApiDocuments.coffer().path("openapi").asText()).isEqualTo("3.0.3");
    }

    @Test
    void swaggerParserFindsNothingWrong() {
        assertThat(swaggerParser(documentText())).isEmpty();
    }

    @Test
    void theOfficialJsonSchemaFindsNothingWrong() {
        assertThat(jsonSchema(OpenApiDocuments.coffer())).isEmpty();
    }

    @Test
    void aResponseWithoutDescriptionIsCaughtByBothChecks() {
        String broken = broken(doc -> ((ObjectNode) doc.path("paths").path("/auth/token").path("post")
                .path("responses").path("200")).remove("description"));
        assertThat(swaggerParser(broken)).containsExactly(
                "attribute paths.'/auth/token'(post).responses.200.description is missing");
        assertThat(jsonSchema(parse(broken)))
                .allSatisfy(message -> assertThat(message).startsWith("$.paths./auth/token.post.responses.200: "))
                .contains("$.paths./auth/token.post.responses.200: required property 'description' not found");
    }

    @Test
    void otherBreakagesAreCaughtToo() {
        List<String> problems = new ArrayList<>();
        expectCaught(problems, "an operation without responses", doc ->
                ((ObjectNode) doc.path("paths").path("/currencies").path("get")).remove("responses"));
        expectCaught(problems, "a type given as a list", doc ->
                ((ObjectNode) doc.path("components").path("schemas").path("Error").path("properties")
                        .path("message")).putArray("type").add("string").add("null"));
        expectCaught(problems, "a non-boolean nullable", doc ->
                ((ObjectNode) doc.path("components").path("schemas").path("Error")).put("nullable", "yes"));
        expectCaught(problems, "JSON Schema's examples in an OpenAPI 3.0 schema", doc ->
                ((ObjectNode) doc.path("components").path("schemas").path("Error")).putArray("examples").add("x"));
        expectCaught(problems, "an unknown key on an operation", doc ->
                ((ObjectNode) doc.path("paths").path("/currencies").path("get")).put("coffer-note", "x"));
        expectCaught(problems, "a path parameter that is not declared", doc ->
                ((ObjectNode) doc.path("paths").path("/currencies/{currency_name}").path("get")).remove("parameters"));
        expectCaught(problems, "a missing info.version", doc -> ((ObjectNode) doc.path("info")).remove("version"));
        assertThat(problems).isEmpty();
    }

    private static void expectCaught(List<String> problems, String what, Consumer<JsonNode> breakage) {
        String broken = broken(breakage);
        if (swaggerParser(broken).isEmpty() && jsonSchema(parse(broken)).isEmpty()) {
            problems.add("neither check noticed " + what);
        }
    }

    /** What swagger-parser reports on reading the document. */
    static List<String> swaggerParser(String yaml) {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, new ParseOptions());
        List<String> messages = new ArrayList<>(result.getMessages() == null ? List.of() : result.getMessages());
        if (result.getOpenAPI() == null) {
            messages.add("swagger-parser could not read the document");
        }
        return messages;
    }

    /** What the official OpenAPI 3.0 JSON Schema reports, as "where: what". */
    static List<String> jsonSchema(JsonNode document) {
        return SCHEMA.validate(document).stream()
                .map(ValidationMessage::toString)
                .sorted()
                .toList();
    }

    private static JsonSchema officialSchema() {
        try (InputStream in = OpenApiValidityTest.class.getResourceAsStream(OPENAPI_30_SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_30_SCHEMA + " is not on the test classpath"
                        + " (io.openapiprocessor:openapi-parser ships it; a new version may rename it)");
            }
            JsonNode schema = OpenApiDocuments.YAML.readTree(in);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String documentText() {
        try (InputStream in = OpenApiValidityTest.class.getResourceAsStream("/openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Coffer's document with one breakage applied, as YAML text. */
    private static String broken(Consumer<JsonNode> breakage) {
        JsonNode doc = OpenApiDocuments.coffer();
        breakage.accept(doc);
        try {
            return OpenApiDocuments.YAML.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String yaml) {
        try {
            return OpenApiDocuments.YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
