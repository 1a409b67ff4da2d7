package io.coffer.event;

import java.util.Objects;

/**
 * A user's webhook as Coffer shows it: the URL, and the secret masked ({@code "****"} followed by
 * its last four characters when it has at least twelve, {@code "****"} alone otherwise).
 */
public record Webhook(String url, String maskedSecret) {

    public Webhook {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(maskedSecret, "maskedSecret");
    }

    /** The characters of a secret that may be shown: none of a short one. */
    public static String hint(String secret) {
        return secret.length() >= 12 ? secret.substring(secret.length() - 4) : "";
    }

    /** How a secret with this hint is shown. */
    public static String mask(String hint) {
        return "****" + hint;
    }
}
