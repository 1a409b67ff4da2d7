package io.coffer.system.http;

import io.coffer.http.Api;
import io.coffer.http.Responses;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Coffer extensions that reveal nothing about any workspace and so need no credentials:
 * {@code GET /health} and {@code GET /openapi.yaml}, Coffer's contract document.
 */
public final class SystemRoutes {

    private final byte[] health = io.coffer.http.Json.write(Map.of("status", "UP"));
    private final byte[] openapi;

    public SystemRoutes() {
        try (InputStream in = SystemRoutes.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the classpath");
            }
            openapi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void register(Api api) {
        api.publicGet("/health", (req, res) -> Responses.okRaw(res, health));
        api.publicGet("/openapi.yaml", this::openapi);
    }

    private void openapi(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "application/yaml");
        res.send(openapi);
    }
}
