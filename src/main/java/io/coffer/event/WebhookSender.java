package io.coffer.event;

import java.net.URI;
import java.util.Map;

/** Posts a webhook body; the HTTP client behind it is an adapter. */
public interface WebhookSender {

    /** How a post ended: an HTTP status, or no answer (with why). */
    sealed interface Result {
        /** The receiver answered with this status. */
        record Answered(int status) implements Result {
        }

        /** No answer: refused, timed out, or the address is not allowed. */
        record NoAnswer(String reason) implements Result {
        }
    }

    Result post(URI url, byte[] body, Map<String, String> headers);
}
