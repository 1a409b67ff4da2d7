package io.coffer.common;

/**
 * What a request presents to prove who it is. Every variant redacts its secret in
 * {@code toString}, so credentials cannot reach a log by accident.
 */
public sealed interface Credentials {

    /** An access token from {@code POST /auth/token}, sent as {@code Authorization: Bearer}. */
    record BearerToken(String token) implements Credentials {
        @Override
        public String toString() {
            return "BearerToken[redacted]";
        }
    }

    /** The legacy gateway headers {@code X-Ledger-API-User} and {@code X-Ledger-API-Key}. */
    record ApiKeyHeaders(String username, String apiKeySecret) implements Credentials {
        @Override
        public String toString() {
            return "ApiKeyHeaders[username=" + username + ", secret=redacted]";
        }
    }

    /** A read-only reporting key, {@code X-Ledger-Reporting-API-Key}. */
    record ReportingKey(String key) implements Credentials {
        @Override
        public String toString() {
            return "ReportingKey[redacted]";
        }
    }
}
