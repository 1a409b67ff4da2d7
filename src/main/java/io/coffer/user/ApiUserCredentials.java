package io.coffer.user;

/**
 * A new API user with its one-time-visible secret, answered once at creation and never stored.
 */
public record ApiUserCredentials(long id, String username, String apiKeyId, String apiKeySecret) {

    @Override
    public String toString() {
        return "ApiUserCredentials[id=" + id + ", username=" + username + ", apiKeyId=" + apiKeyId + ", secret=redacted]";
    }
}
