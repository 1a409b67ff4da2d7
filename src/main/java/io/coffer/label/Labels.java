package io.coffer.label;

import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Storage of labels and of which accounts and transactions carry them. */
public interface Labels {

    Set<String> ORDER_BY = Set.of("created_on", "id", "name");

    long create(Tx tx, long workspaceId, String name, String color, String description, long createdBy, Instant at);

    Optional<Label> find(Tx tx, long workspaceId, long labelId);

    boolean nameTaken(Tx tx, long workspaceId, String name);

    Page<Label> search(Tx tx, long workspaceId, LabelFilter filter, PageRequest page);

    Map<Long, List<Label>> ofAccounts(Tx tx, Collection<Long> accountIds);

    List<Label> ofTransaction(Tx tx, long transactionId);

    /** Tags an account; tagging twice is a no-op. */
    void tagAccount(Tx tx, long accountId, long labelId);

    void tagTransaction(Tx tx, long transactionId, long labelId);
}
