package io.coffer.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads request bodies: JSON, bounded in size, malformed input refused with a 400. The
 * Content-Type is not enforced: tools such as {@code curl -d} label JSON as a form.
 */
public final class Bodies {

    private final int maxBytes;
    private final BodyBudget budget;

    /** @param budget bounds the memory all bodies being read and handled take together */
    public Bodies(int maxBytes, BodyBudget budget) {
        this.maxBytes = maxBytes;
        this.budget = budget;
    }

    /** The body as a JSON object; an empty body is refused. */
    public JsonFields object(ServerRequest req) {
        JsonNode node = Json.parse(bytes(req, false));
        if (!node.isObject()) {
            throw ApiException.badRequest("request body must be a JSON object");
        }
        return new JsonFields(node, "");
    }

    /** Whether the request carries a body at all. */
    public boolean present(ServerRequest req) {
        return req.content().hasEntity();
    }

    /** The body as a JSON object, or an empty object when the request has no body. */
    public JsonFields optionalObject(ServerRequest req) {
        byte[] bytes = bytes(req, true);
        if (bytes.length == 0) {
            return new JsonFields(Json.mapper().createObjectNode(), "");
        }
        JsonNode node = Json.parse(bytes);
        if (!node.isObject()) {
            throw ApiException.badRequest("request body must be a JSON object");
        }
        return new JsonFields(node, "");
    }

    private byte[] bytes(ServerRequest req, boolean emptyAllowed) {
        if (!req.content().hasEntity()) {
            if (emptyAllowed) {
                return new byte[0];
            }
            throw ApiException.badRequest("request body is required");
        }
        budget.reserve(req, req.headers().contentLength().orElse(maxBytes), maxBytes);
        try (InputStream in = req.content().inputStream()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new ApiException(ErrorBody.payloadTooLarge("request body exceeds " + maxBytes + " bytes"));
            }
            if (bytes.length == 0 && !emptyAllowed) {
                throw ApiException.badRequest("request body is required");
            }
            return bytes;
        } catch (IOException | UncheckedIOException e) {
            throw ApiException.badRequest("the request body could not be read: it is malformed or cut short");
        } catch (ApiException | io.helidon.http.RequestException e) {
            // Ours, or the transport's own answer with its status (413 for a chunked body over the limit).
            throw e;
        } catch (io.helidon.http.HttpException e) {
            if (e.status().code() == 413) {
                throw new ApiException(ErrorBody.payloadTooLarge("request body exceeds " + maxBytes + " bytes"));
            }
            throw ApiException.badRequest("the request body could not be read: it is malformed or cut short");
        } catch (RuntimeException e) {
            // The transport's own refusal of a malformed body (a bad chunk size, a body cut short).
            throw ApiException.badRequest("the request body could not be read: it is malformed or cut short");
        }
    }
}
