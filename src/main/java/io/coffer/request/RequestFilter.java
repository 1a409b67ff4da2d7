package io.coffer.request;

import io.coffer.governance.RequestStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The filters of a requests search; every present filter must match.
 *
 * @param approvedBy requests this user approved
 * @param pendingBy open requests this user may still vote on
 * @param rejectedBy requests this user rejected
 */
public record RequestFilter(
        Optional<Long> id,
        Optional<Long> approvedBy,
        Optional<Long> createdBy,
        Optional<Long> pendingBy,
        Optional<Long> rejectedBy,
        List<RequestStatus> statuses,
        Optional<Long> targetId,
        List<TargetType> targetTypes,
        List<RequestType> types,
        Optional<Instant> createdAfter,
        Optional<Instant> createdBefore) {

    public RequestFilter {
        statuses = List.copyOf(statuses);
        targetTypes = List.copyOf(targetTypes);
        types = List.copyOf(types);
    }
}
