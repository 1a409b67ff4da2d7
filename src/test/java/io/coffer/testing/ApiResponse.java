package io.coffer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/** A response as a test sees it: status, headers and the parsed JSON body. */
public record ApiResponse(int status, HttpHeaders headers, String raw, JsonNode json) {

    public JsonNode get(String field) {
        return json.get(field);
    }

    public String text(String field) {
        return json.path(field).asText();
    }

    public long id() {
        return json.path("id").asLong();
    }
}
