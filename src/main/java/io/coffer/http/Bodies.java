package io.coffer.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.ServerRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads request bodies: JSON, bounded in size, malformed input refused with a 400. The
 * Content-Type is not enforced: tools such as {@code curl -d} label JSON as a form.
 */
public final class Bodies {

    /** How much of a body is read at a time, and its budget taken, before the next part. */
    private static final int CHUNK_BYTES = 64 * 1024;

    private final int maxBytes;
    private final BodyBudget budget;
    private final Duration timeout;

    /**
     * @param budget bounds the memory all bodies being read and handled take together
     * @param timeout how long a whole body may take to arrive; its connection is closed after
     */
    public Bodies(int maxBytes, BodyBudget budget, Duration timeout) {
        this.maxBytes = maxBytes;
        this.budget = budget;
        this.timeout = timeout;
    }

    /** A body already read (for its idempotency key), kept for the handler in the request's context. */
    private record Read(byte[] bytes) {
    }

    /** A body already parsed, kept so that a second look (a filter, then the handler) parses once. */
    private record Parsed(JsonNode node) {
    }

    /** The body as a JSON object; an empty body is refused. */
    public JsonFields object(ServerRequest req) {
        Optional<Parsed> parsed = req.context().get(Parsed.class);
        JsonNode node = parsed.isPresent() ? parsed.get().node() : Json.parse(bytes(req, false));
        if (!node.isObject()) {
            throw ApiException.badRequest("request body must be a JSON object");
        }
        if (parsed.isEmpty()) {
            req.context().register(new Parsed(node));
        }
        return new JsonFields(node, "");
    }

    /**
     * The body's bytes as they arrived (empty when there is none), read once and kept for whoever
     * reads the body next; within the same size, budget and deadline as every body.
     */
    public byte[] raw(ServerRequest req) {
        return bytes(req, true).clone();
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

    /** Takes a body's share of the budget; the time spent waiting for room is not the client's. */
    private void reserve(ServerRequest req, ReadDeadline deadline, long costBytes) {
        deadline.pause();
        try {
            budget.reserve(req, costBytes);
        } finally {
            deadline.resume();
        }
    }

    private byte[] bytes(ServerRequest req, boolean emptyAllowed) {
        Optional<Read> read = req.context().get(Read.class);
        if (read.isPresent()) {
            if (read.get().bytes().length == 0 && !emptyAllowed) {
                throw ApiException.badRequest("request body is required");
            }
            return read.get().bytes();
        }
        byte[] bytes = readBytes(req, emptyAllowed);
        req.context().register(new Read(bytes));
        return bytes;
    }

    private byte[] readBytes(ServerRequest req, boolean emptyAllowed) {
        if (!req.content().hasEntity()) {
            if (emptyAllowed) {
                return new byte[0];
            }
            throw ApiException.badRequest("request body is required");
        }
        // The budget is taken as bytes arrive, not from the declared length: a client that
        // announces a large body and sends nothing holds only a request's fixed share.
        budget.reserve(req, 0);
        try (ReadDeadline deadline = ReadDeadline.start(timeout);
                InputStream in = req.content().inputStream()) {
            long declared = req.headers().contentLength().orElse(CHUNK_BYTES);
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(declared, CHUNK_BYTES));
            byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, maxBytes + 1L)];
            int read;
            while ((read = in.read(chunk, 0, Math.min(chunk.length, maxBytes + 1 - out.size()))) > 0) {
                reserve(req, deadline, (long) (out.size() + read) * BodyBudget.READ_COST_PER_BYTE);
                out.write(chunk, 0, read);
                if (out.size() > maxBytes) {
                    throw new ApiException(ErrorBody.payloadTooLarge("request body exceeds " + maxBytes + " bytes"));
                }
            }
            if (out.size() == 0 && !emptyAllowed) {
                throw ApiException.badRequest("request body is required");
            }
            // Whole: now it takes what parsing and handling it may cost, until its answer is sent.
            reserve(req, deadline, (long) out.size() * BodyBudget.COST_PER_BYTE);
            return out.toByteArray();
        } catch (IOException | UncheckedIOException e) {
            throw ApiException.badRequest("the request body could not be read: it is malformed or cut short");
        } catch (ApiException | io.coffer.common.Overloaded | io.helidon.http.RequestException e) {
            // Ours (a 413, or a 503 when the budget is spent), or the transport's own answer with its status (413 for a chunked body over the limit).
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
