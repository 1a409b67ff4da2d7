package io.coffer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.contract.OpenApiDocuments;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Engine;
import io.coffer.testing.ServerCases;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * GET /docs renders Coffer's OpenAPI document with Swagger UI served by Coffer itself: an HTML page
 * whose scripts, stylesheet and icon all come from this server, each with its content type; only
 * the listed files are served and no path under /docs reaches anything else.
 */
class DocsApiTest extends ServerCases {

    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)\\s*=\\s*\"([^\"]*)\"");

    @Override
    protected Engine engine() {
        return Engine.H2;
    }

    @Test
    void theDocsPageIsHtmlThatLoadsOnlyLocalAssets() {
        ApiClient anyone = server.anonymous();
        for (String page : List.of("/docs", "/docs/")) {
            ApiResponse answer = anyone.get(page);
            assertThat(answer.status()).as(page).isEqualTo(200);
            assertThat(contentType(answer)).as(page).isEqualTo("text/html; charset=utf-8");
            assertThat(answer.raw()).as(page).startsWith("<!DOCTYPE html>").contains("<div id=\"swagger-ui\">");
            assertThat(answer.raw()).as(page).doesNotContainIgnoringCase("http:").doesNotContainIgnoringCase("https:");

            Set<String> references = references(answer.raw());
            assertThat(references).as(page).contains("/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css",
                    "/docs/coffer-docs.js");
            for (String reference : references) {
                assertThat(reference).as(page + " references " + reference).startsWith("/").doesNotStartWith("//");
                ApiResponse asset = anyone.get(reference);
                assertThat(asset.status()).as(reference).isEqualTo(200);
                assertThat(asset.raw()).as(reference).isNotEmpty();
                assertThat(contentType(asset)).as(reference).isEqualTo(expectedType(reference));
            }
        }
    }

    @Test
    void swaggerUiIsPointedAtThisServersDocument() {
        ApiClient anyone = server.anonymous();
        String start = anyone.get("/docs/coffer-docs.js").raw();
        assertThat(start).contains("SwaggerUIBundle(").contains("url: \"/openapi.yaml\"").contains("validatorUrl: null")
                .doesNotContainIgnoringCase("http:").doesNotContainIgnoringCase("https:");
        assertThat(anyone.get("/docs/swagger-ui-bundle.js").raw()).contains("SwaggerUIBundle");
        ApiResponse document = anyone.get("/openapi.yaml");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.raw()).contains("/docs/{file}:");
    }

    @Test
    void everyDocumentedFileIsServedWithItsType() {
        JsonNode names = OpenApiDocuments.coffer().path("paths").path("/docs/{file}").path("get").path("parameters")
                .path(0).path("schema").path("enum");
        assertThat(names).hasSizeGreaterThanOrEqualTo(3);
        for (JsonNode name : names) {
            String path = "/docs/" + name.asText();
            // The client also checks that the document declares the answer's media type.
            ApiResponse answer = server.anonymous().get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(contentType(answer)).as(path).isEqualTo(expectedType(path));
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
    }

    @Test
    void unknownFilesAreNotFoundInTheErrorShape() {
        // The webjar holds these too, but only the listed names are served.
        for (String path : List.of("/docs/nothing.js", "/docs/index.html", "/docs/swagger-initializer.js",
                "/docs/oauth2-redirect.html", "/docs/swagger-ui.js", "/docs/SWAGGER-UI.CSS", "/docs/swagger-ui.css.map")) {
            ApiResponse answer = server.anonymous().get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.text("name")).as(path).isEqualTo("NotFoundError");
        }
    }

    @Test
    void pathsThatTryToLeaveDocsDoNotEscape() {
        List<String> escaped = new ArrayList<>();
        for (String path : List.of(
                "/docs/../pom.xml",
                "/docs/..%2Fpom.xml",
                "/docs/%2e%2e/pom.xml",
                "/docs/%2e%2e%2fpom.xml",
                "/docs/..%5Cpom.xml",
                "/docs/swagger-ui.css/../../pom.xml",
                "/docs/..%2F..%2Fopenapi.yaml",
                "/docs/%2e%2e%2fMETA-INF%2fmaven%2forg.webjars%2fswagger-ui%2fpom.properties",
                "/docs/..%2fio%2fcoffer%2fsystem%2fhttp%2fdocs%2findex.html",
                "/docs/%2Fetc%2Fpasswd",
                "/docs/..;/pom.xml")) {
            // The client fails the test by itself on an error that is not in the error shape.
            ApiResponse answer = server.anonymous().get(path);
            boolean leaked = answer.raw().contains("<project") || answer.raw().contains("artifactId")
                    || answer.raw().contains("root:") || answer.raw().contains("openapi: ");
            if ((answer.status() != 404 && answer.status() != 400) || leaked) {
                escaped.add(path + " answered " + answer.status() + ": " + answer.raw().substring(0,
                        Math.min(200, answer.raw().length())));
            }
        }
        assertThat(escaped).isEmpty();
    }

    private static Set<String> references(String html) {
        Set<String> references = new LinkedHashSet<>();
        Matcher matcher = REFERENCE.matcher(html);
        while (matcher.find()) {
            references.add(matcher.group(1));
        }
        return references;
    }

    private static String contentType(ApiResponse answer) {
        return answer.headers().firstValue("Content-Type").orElse("");
    }

    private static String expectedType(String path) {
        if (path.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (path.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (path.endsWith(".png")) {
            return "image/png";
        }
        if (path.endsWith(".yaml")) {
            return "application/yaml";
        }
        throw new AssertionError("no expected content type for " + path);
    }
}
