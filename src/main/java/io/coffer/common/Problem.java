package io.coffer.common;

import java.util.Objects;
import java.util.Optional;

/**
 * An expected failure of a use case, described independently of the transport.
 *
 * @param kind what sort of failure it is, which decides how a client is told
 * @param message a sentence for the caller; never contains secrets
 * @param name a machine name for the error when it is more specific than its kind's (e.g.
 *     {@code CofferSanctionedAddress}); empty for the kind's usual name
 */
public record Problem(Kind kind, String message, Optional<String> name) {

    /** The sorts of expected failure. */
    public enum Kind {
        /** The input is malformed or breaks a rule. */
        INVALID,
        /** The object does not exist or the caller may not see it. */
        NOT_FOUND,
        /** Credentials are missing, wrong or expired. */
        UNAUTHENTICATED,
        /** The caller is known but may not do this (used by Coffer's extensions only). */
        FORBIDDEN,
        /** The operation is not supported for this object. */
        UNSUPPORTED,
        /** A rate limit is reached: the caller must wait (HTTP 420). */
        LIMITED
    }

    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(name, "name");
    }

    public Problem(Kind kind, String message) {
        this(kind, message, Optional.empty());
    }

    /** A problem with its own machine name, which the error body carries instead of the kind's. */
    public static Problem named(Kind kind, String name, String message) {
        return new Problem(kind, message, Optional.of(name));
    }

    public static Problem invalid(String message) {
        return new Problem(Kind.INVALID, message);
    }

    public static Problem notFound(String message) {
        return new Problem(Kind.NOT_FOUND, message);
    }

    public static Problem unauthenticated(String message) {
        return new Problem(Kind.UNAUTHENTICATED, message);
    }

    public static Problem forbidden(String message) {
        return new Problem(Kind.FORBIDDEN, message);
    }

    public static Problem limited(String message) {
        return new Problem(Kind.LIMITED, message);
    }

    public static Problem unsupported(String message) {
        return new Problem(Kind.UNSUPPORTED, message);
    }
}
