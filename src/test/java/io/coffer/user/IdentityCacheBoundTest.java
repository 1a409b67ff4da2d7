package io.coffer.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.common.Role;
import io.coffer.common.WorkspaceKind;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The identity cache holds at most {@link IdentityCache#MAX_ENTRIES} identities: at the bound it starts again. */
class IdentityCacheBoundTest {

    @Test
    void theCacheIsEmptiedWhenItReachesItsBound() {
        IdentityCache cache = new IdentityCache(InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")), 60_000);
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < IdentityCache.MAX_ENTRIES; i++) {
            long user = i;
            cache.get("key-" + i, () -> {
                loads.incrementAndGet();
                return Optional.of(identity(user));
            });
        }
        assertThat(loads).hasValue(IdentityCache.MAX_ENTRIES);
        cache.get("key-0", () -> {
            loads.incrementAndGet();
            return Optional.of(identity(0));
        });
        assertThat(loads).as("a full cache still serves what it holds").hasValue(IdentityCache.MAX_ENTRIES);

        cache.get("one-more", () -> Optional.of(identity(-1)));
        cache.get("key-0", () -> {
            loads.incrementAndGet();
            return Optional.of(identity(0));
        });
        assertThat(loads).as("one more identity emptied it: the first is read again").hasValue(IdentityCache.MAX_ENTRIES + 1);
    }

    private static Identity identity(long userId) {
        return new Identity(1, "acme", WorkspaceKind.LIVE, Duration.ZERO, new byte[32], userId, "user" + userId,
                Role.OPERATOR, false, UserStatus.ACTIVE, "hash", 0);
    }
}
