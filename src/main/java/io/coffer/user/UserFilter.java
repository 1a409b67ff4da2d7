package io.coffer.user;

import java.time.Instant;
import java.util.Optional;

/**
 * The filters of {@code GET /users}: {@code account} keeps the users its rules name (directly or
 * through a group), {@code group} the group's members.
 */
public record UserFilter(Optional<Long> id, Optional<String> username, Optional<String> role, Optional<String> status,
                         Optional<Long> account, Optional<Long> group, Optional<java.time.Instant> createdAfter,
                         Optional<Instant> createdBefore) {
}
