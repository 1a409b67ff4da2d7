package io.coffer.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The filters of an accounts search; every present filter must match.
 *
 * @param currency a currency name (coin accounts) or {@code network:contract} (token accounts)
 * @param user accounts whose governance rules name this user
 * @param group accounts whose governance rules use this group
 * @param entities accounts belonging to one of these entities
 * @param labels accounts carrying one of these labels
 */
public record AccountFilter(
        Optional<Long> id,
        Optional<String> name,
        Optional<String> currency,
        Optional<String> accountType,
        Optional<AccountStatus> status,
        Optional<Long> parent,
        Optional<Long> user,
        Optional<Long> group,
        List<Long> entities,
        List<String> labels,
        Optional<Instant> createdAfter,
        Optional<Instant> createdBefore) {

    public AccountFilter {
        entities = List.copyOf(entities);
        labels = List.copyOf(labels);
    }

    public static AccountFilter none() {
        return new AccountFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty());
    }
}
