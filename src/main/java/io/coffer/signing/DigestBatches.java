package io.coffer.signing;

import io.coffer.common.Caller;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import java.util.Optional;
import java.util.Set;

/** Storage of digests batches. */
public interface DigestBatches {

    /** The {@code order_by} values a digests search accepts. */
    Set<String> ORDER_BY = Set.of("created_on", "id", "status");

    long create(Tx tx, DigestBatch batch);

    Optional<DigestBatch> find(Tx tx, long workspaceId, long batchId);

    /** A batch of an account the caller may see. */
    Optional<DigestBatch> findVisible(Tx tx, Caller caller, long batchId);

    Page<DigestBatch> search(Tx tx, Caller caller, DigestFilter filter, PageRequest page);

    void setRequest(Tx tx, long batchId, long requestId);

    /** Writes the status and the items (with their signatures). */
    void update(Tx tx, DigestBatch batch);
}
