package io.coffer.user;

/** What {@code POST /auth/token} and {@code /auth/token/refresh} answer. */
public record TokenPair(String accessToken, long expiresIn, String refreshToken, String sessionState, String tokenType) {

    @Override
    public String toString() {
        return "TokenPair[redacted]";
    }
}
