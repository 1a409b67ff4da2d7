package io.coffer.http;

import io.coffer.common.Problem;

/**
 * The error shape of the API: {@code {"message": str, "name": str, "status_code": int}}.
 *
 * @param message what went wrong, for a human
 * @param name a stable machine name for the kind of error
 * @param statusCode the HTTP status, repeated in the body
 */
public record ErrorBody(String message, String name, int statusCode) {

    public static ErrorBody badRequest(String message) {
        return new ErrorBody(message, "BadRequestError", 400);
    }

    public static ErrorBody unauthorized(String message) {
        return new ErrorBody(message, "UnauthorizedError", 401);
    }

    public static ErrorBody forbidden(String message) {
        return new ErrorBody(message, "ForbiddenError", 403);
    }

    public static ErrorBody notFound(String message) {
        return new ErrorBody(message, "NotFoundError", 404);
    }

    public static ErrorBody methodNotAllowed(String message) {
        return new ErrorBody(message, "MethodNotAllowedError", 405);
    }

    public static ErrorBody payloadTooLarge(String message) {
        return new ErrorBody(message, "PayloadTooLargeError", 413);
    }

    /** Over a rate limit: 420, as Ledger Enterprise answers it (not 429). */
    public static ErrorBody rateLimited(String message) {
        return new ErrorBody(message, "RateLimitError", 420);
    }

    /** Another call with the same idempotency key is still running (a Coffer extension's answer). */
    public static ErrorBody conflict(String message) {
        return new ErrorBody(message, "ConflictError", 409);
    }

    public static ErrorBody internal(String message) {
        return new ErrorBody(message, "InternalServerError", 500);
    }

    public static ErrorBody unavailable(String message) {
        return new ErrorBody(message, "ServiceUnavailableError", 503);
    }

    public static ErrorBody notImplemented(String message) {
        return new ErrorBody(message, "NotImplementedError", 501);
    }

    /** The error a use-case {@link Problem} becomes. */
    public static ErrorBody of(Problem problem) {
        ErrorBody usual = switch (problem.kind()) {
            case INVALID -> badRequest(problem.message());
            case NOT_FOUND -> notFound(problem.message());
            case UNAUTHENTICATED -> unauthorized(problem.message());
            case FORBIDDEN -> forbidden(problem.message());
            case UNSUPPORTED -> notImplemented(problem.message());
            case LIMITED -> rateLimited(problem.message());
        };
        return problem.name().map(name -> new ErrorBody(usual.message(), name, usual.statusCode())).orElse(usual);
    }
}
