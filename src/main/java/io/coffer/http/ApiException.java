package io.coffer.http;

/**
 * A request the HTTP layer refuses before any use case runs (bad parameters, malformed body,
 * missing credentials); turned into the error shape by {@link ErrorHandlers}.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorBody body;

    public ApiException(ErrorBody body) {
        super(body.message(), null, false, false);
        this.body = body;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(ErrorBody.badRequest(message));
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorBody.notFound(message));
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(ErrorBody.unauthorized(message));
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorBody.forbidden(message));
    }

    public ErrorBody body() {
        return body;
    }
}
