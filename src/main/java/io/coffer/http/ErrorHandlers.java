package io.coffer.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into the API's error shape: refusals raised by the HTTP layer, bugs (500,
 * logged with an id the client sees), and transport-level errors Helidon answers itself
 * (malformed requests, oversized bodies).
 */
public final class ErrorHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

    private ErrorHandlers() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.error(ApiException.class, (req, res, e) -> answer(res, e.body()));
        routing.error(io.coffer.common.Overloaded.class, (req, res, e) -> {
            res.header(HeaderNames.RETRY_AFTER, "1");
            answer(res, ErrorBody.unavailable(e.getMessage()));
        });
        routing.error(Throwable.class, (req, res, e) -> {
            if (e instanceof VirtualMachineError fatal) {
                // Out of memory (or worse): the process's handler ends it, so a supervisor can restart it.
                Thread current = Thread.currentThread();
                current.getUncaughtExceptionHandler().uncaughtException(current, fatal);
            }
            String incident = UUID.randomUUID().toString();
            LOG.error("request {} {} failed, incident {}", req.prologue().method().text(), req.path().path(), incident, e);
            Responses.error(res, ErrorBody.internal("internal error, incident " + incident));
        });
    }

    /**
     * Sends a refusal, unless the client is gone (its connection closed, by the body deadline for
     * one): there is no one to answer then, and a stack trace per vanished client would let anyone
     * fill the log.
     */
    public static void answer(io.helidon.webserver.http.ServerResponse res, ErrorBody body) {
        try {
            Responses.error(res, body);
        } catch (java.io.UncheckedIOException | io.helidon.webserver.CloseConnectionException gone) {
            LOG.debug("the client left before its {} could be sent", body.statusCode());
        }
    }

    /** Handlers for errors detected before routing, so they too answer in the error shape. */
    public static DirectHandlers direct() {
        DirectHandler handler = (request, eventType, status, headers, message) -> {
            ErrorBody body = switch (status.code()) {
                case 413 -> ErrorBody.payloadTooLarge("request body is too large");
                case 400 -> ErrorBody.badRequest("malformed request: " + safe(message));
                // Before routing, a 500 with no method read means the request line itself could not be
                // parsed (a control character in the method): the client's input, not a fault of ours.
                case 500 -> request.method().isEmpty() ? ErrorBody.badRequest("malformed request line")
                        : ErrorBody.internal("internal error");
                default -> new ErrorBody(safe(message), "HttpError", status.code());
            };
            return DirectHandler.TransportResponse.builder()
                    .status(Status.create(body.statusCode()))
                    .header(HeaderNames.CONTENT_TYPE, "application/json")
                    .entity(Json.write(body))
                    .keepAlive(eventType.keepAlive())
                    .build();
        };
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    private static String safe(String message) {
        if (message == null || message.isBlank()) {
            return "request refused";
        }
        String oneLine = message.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) : oneLine;
    }
}
