package io.coffer.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.common.Outcome;
import io.coffer.common.UnitOfWork;
import io.coffer.db.Sql;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import io.coffer.user.db.JdbcRefreshTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Refresh tokens are a bounded store: a token is deleted a week after it expired (a replay of a used
 * one within that week still ends its user's sessions), at most 1,000 a pass, and a purged token
 * is refused over HTTP like any unknown one.
 */
abstract class RefreshTokenPurgeCases extends ServerCases {

    private final JdbcRefreshTokens store = new JdbcRefreshTokens();

    @Test
    void aTokenIsKeptAWeekPastItsExpiryThenPurged() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        String first = login(ws).text("refresh_token");
        Instant issued = Instant.now();
        Instant expiry = issued.plus(Duration.ofSeconds(1800));

        purgeAt(expiry.plus(AuthService.REFRESH_RETENTION).minus(Duration.ofHours(1)));
        ApiResponse rotated = refresh(ws, first);
        assertThat(rotated.status()).as("within the retention the token is still there: " + rotated.raw()).isEqualTo(200);
        String second = rotated.text("refresh_token");

        // Past the retention of tokens issued now (and of the one rotated a moment later).
        purgeAt(expiry.plus(AuthService.REFRESH_RETENTION).plus(Duration.ofHours(1)));
        ApiResponse purged = refresh(ws, second);
        assertThat(purged.status()).as(purged.raw()).isEqualTo(401);
        assertThat(purged.text("message")).isEqualTo("invalid refresh token");
        assertThat(login(ws).status()).as("a new login still works").isEqualTo(200);
    }

    @Test
    void aPassDeletesAtMostOneThousandTokens() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        login(ws);
        UnitOfWork unitOfWork = server.database().unitOfWork();
        long[] owner = unitOfWork.read(tx -> Sql.one(tx, "SELECT workspace_id, user_id FROM refresh_token"
                + " WHERE user_id = ? FETCH FIRST 1 ROWS ONLY", row -> new long[] {row.getLong(1), row.getLong(2)},
                ws.adminId()).orElseThrow());
        // Nothing of this run is a week past its expiry on the real clock, so the server's own purge
        // (every second) leaves these to this test's clock, ten days on.
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        unitOfWork.write(tx -> {
            for (int i = 0; i < 1001; i++) {
                store.create(tx, new RefreshTokens.Stored("expired-" + ws.name() + "-" + i, owner[0], owner[1], "f" + i,
                        tomorrow, false, false));
            }
            return Outcome.ok(null);
        });
        Instant tenDaysOn = tomorrow.plus(AuthService.REFRESH_RETENTION).plus(Duration.ofDays(2));
        long due = unitOfWork.read(tx -> Sql.one(tx, "SELECT COUNT(*) FROM refresh_token WHERE expires_at < ?",
                row -> row.getLong(1), tenDaysOn.minus(AuthService.REFRESH_RETENTION)).orElseThrow());
        assertThat(due).as("these and the tokens this run issued").isGreaterThan(1001);
        AuthService auth = service(InstantSource.fixed(tenDaysOn));
        assertThat(auth.purgeExpiredRefreshTokens()).isEqualTo(1000);
        assertThat(auth.purgeExpiredRefreshTokens()).isEqualTo((int) (due - 1000));
        assertThat(auth.purgeExpiredRefreshTokens()).isZero();
        assertThat(login(ws).status()).as("a new login still works").isEqualTo(200);
    }

    private void purgeAt(Instant now) {
        AuthService auth = service(InstantSource.fixed(now));
        while (auth.purgeExpiredRefreshTokens() > 0) {
            // every batch
        }
    }

    /** The service as the background wires it, with only what the purge uses. */
    private AuthService service(InstantSource clock) {
        return new AuthService(server.database().unitOfWork(), null, store, null, null, null, clock, Duration.ofSeconds(1800));
    }

    private ApiResponse login(Sandbox.Workspace ws) {
        return server.anonymous().with("X-Ledger-Workspace", ws.name()).post("/auth/token", Map.of(
                "api_key_id", ws.admin().path("api_key_id").asText(),
                "api_key_secret", ws.admin().path("api_key_secret").asText()));
    }

    private ApiResponse refresh(Sandbox.Workspace ws, String refreshToken) {
        return server.anonymous().with("X-Ledger-Workspace", ws.name()).post("/auth/token/refresh",
                Map.of("refresh_token", refreshToken));
    }
}
