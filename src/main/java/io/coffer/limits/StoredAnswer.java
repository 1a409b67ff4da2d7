package io.coffer.limits;

/**
 * The first answer to a POST with an idempotency key, replayed to its repetitions.
 *
 * @param status the HTTP status
 * @param contentType the answer's media type
 * @param body the answer's bytes
 */
public record StoredAnswer(int status, String contentType, byte[] body) {

    public StoredAnswer {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
