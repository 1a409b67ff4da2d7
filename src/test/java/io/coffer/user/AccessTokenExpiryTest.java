package io.coffer.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A token's whole-second expiry never cuts its announced 300 seconds short. */
class AccessTokenExpiryTest {

    @Test
    void expiryIsRoundedUpToTheSecond() {
        Instant whole = Instant.parse("2026-11-26T10:00:00Z");
        assertThat(AccessTokens.expiryOf(whole)).isEqualTo(whole.plusSeconds(300));
        Instant late = whole.plusMillis(999);
        assertThat(AccessTokens.expiryOf(late)).isEqualTo(whole.plusSeconds(301));
        assertThat(Duration.between(late, AccessTokens.expiryOf(late))).isGreaterThanOrEqualTo(Duration.ofSeconds(300));
    }
}
