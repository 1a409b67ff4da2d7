package io.coffer.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.testing.ApiClient;
import io.coffer.testing.Engine;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * An unauthenticated stream of random bearer tokens took the server down: every token was memoised,
 * up to 50,000 of any length. Now only tokens that verified are remembered, and those are bounded.
 */
class TokenMemoTest extends ServerCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }

    @Test
    void randomTokensLeaveNothingBehindAndValidOnesAreRememberedWithinABound() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        SecureRandom random = new SecureRandom();
        int before = AccessTokens.remembered();
        for (int i = 0; i < 2000; i++) {
            // Half look like JWTs (three base64url parts), half are long noise.
            byte[] noise = new byte[i % 2 == 0 ? 600 : 1500];
            random.nextBytes(noise);
            String part = Base64.getUrlEncoder().withoutPadding().encodeToString(noise);
            String token = i % 2 == 0 ? "eyJhbGciOiJIUzI1NiJ9." + part + "." + part.substring(0, 43) : part;
            ApiClient forged = server.anonymous().with("X-Ledger-Workspace", ws.name()).with("Authorization", "Bearer " + token);
            assertThat(forged.get("/accounts").status()).isEqualTo(401);
        }
        assertThat(AccessTokens.remembered()).as("no forged token is remembered").isEqualTo(before);
        assertThat(server.anonymous().get("/health").status()).isEqualTo(200);

        assertThat(ws.client().get("/accounts").status()).isEqualTo(200);
        assertThat(AccessTokens.remembered()).as("a token that verified is").isEqualTo(before + 1);
        assertThat(AccessTokens.MAX_VERIFIED).isLessThanOrEqualTo(10_000);
    }

    @Test
    void tokensLongerThanAnyCofferIssuesAreNotEvenParsed() {
        assertThat(AccessTokens.parse("a".repeat(AccessTokens.MAX_TOKEN_LENGTH + 1))).isEmpty();
    }
}
