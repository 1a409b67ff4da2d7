package io.coffer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.contract.ContractValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP client for tests. Every response is checked against the contract: 2xx JSON bodies
 * against the operation's schema in Coffer's OpenAPI document (other 2xx bodies: their media type
 * must be one the document declares), every error against the error shape with a status_code equal
 * to the HTTP status. A violation fails the test that made the call.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final Map<String, String> headers;

    public ApiClient(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = Map.copyOf(headers);
    }

    /** The same client with more (or replaced) headers. */
    public ApiClient with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(base, more);
    }

    public ApiClient without(String name) {
        Map<String, String> fewer = new LinkedHashMap<>(headers);
        fewer.remove(name);
        return new ApiClient(base, fewer);
    }

    public ApiResponse get(String path) {
        return send("GET", path, null);
    }

    public ApiResponse post(String path, Object body) {
        return send("POST", path, body == null ? null : json(body));
    }

    public ApiResponse postRaw(String path, String body) {
        return send("POST", path, body);
    }

    public ApiResponse send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
            JsonNode parsed = response.body().isEmpty() || !json ? JSON.nullNode() : parse(response.body());
            ApiResponse result = new ApiResponse(response.statusCode(), response.headers(), response.body(), parsed);
            if (method.equals("HEAD")) {
                if (!response.body().isEmpty()) {
                    throw new AssertionError("HEAD " + path + " answered a body");
                }
                return result;
            }
            checkContract(method, path, result);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void checkContract(String method, String pathAndQuery, ApiResponse response) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        if (response.status() >= 200 && response.status() < 300) {
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            List<String> errors = contentType.startsWith("application/json")
                    ? ContractValidator.coffer().validate(method, path, response.status(), response.json())
                    : ContractValidator.coffer().validateMediaType(method, path, response.status(), contentType);
            if (!errors.isEmpty()) {
                throw new AssertionError(method + " " + pathAndQuery + " answered " + response.status()
                        + " with a body that breaks the contract: " + errors + "\nbody: " + abbreviate(response.raw()));
            }
            return;
        }
        JsonNode body = response.json();
        List<String> problems = new ArrayList<>();
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            problems.add("an error without a JSON content type");
        }
        if (!body.isObject() || body.size() != 3 || !body.path("message").isTextual() || !body.path("name").isTextual()
                || !body.path("status_code").isInt()) {
            problems.add("not the error shape {message, name, status_code}");
        } else if (body.get("status_code").intValue() != response.status()) {
            problems.add("status_code " + body.get("status_code") + " differs from HTTP " + response.status());
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(method + " " + pathAndQuery + " answered " + response.status() + ": " + problems
                    + "\nbody: " + abbreviate(response.raw()));
        }
    }

    public static String json(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("response is not JSON: " + abbreviate(body), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "...";
    }
}
