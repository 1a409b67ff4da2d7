package io.coffer.whitelist;

import io.coffer.common.ObjectStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The filters of {@code GET /whitelists}: {@code accounts} keeps whitelists used by the rules of any
 * of them, {@code address} those holding the address.
 */
public record WhitelistFilter(Optional<Long> id, Optional<String> name, Optional<String> description,
                              Optional<String> address, List<Long> accounts, List<ObjectStatus> statuses,
                              Optional<Instant> createdAfter, Optional<Instant> createdBefore) {
}
