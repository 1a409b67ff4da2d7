package io.coffer.whitelist;

import io.coffer.common.Caller;
import io.coffer.common.ObjectStatus;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Storage of whitelists and their addresses. */
public interface Whitelists {

    Set<String> ORDER_BY = Set.of("created_on", "id", "name", "status");

    long create(Tx tx, long workspaceId, String name, Optional<String> description, List<WhitelistAddress> addresses,
                ObjectStatus status, long createdBy, Instant createdOn);

    Optional<Whitelist> find(Tx tx, long workspaceId, long whitelistId);

    Optional<Whitelist> findVisible(Tx tx, Caller caller, long whitelistId);

    List<Whitelist> findAll(Tx tx, long workspaceId, List<Long> whitelistIds);

    Page<Whitelist> search(Tx tx, Caller caller, WhitelistFilter filter, PageRequest page);

    /** Replaces name, description and addresses; the replaced addresses are kept, inactive. */
    void update(Tx tx, long whitelistId, String name, Optional<String> description, List<WhitelistAddress> addresses);

    void setStatus(Tx tx, long whitelistId, ObjectStatus status);

    void setLastRequest(Tx tx, long whitelistId, long requestId);

    boolean nameTaken(Tx tx, long workspaceId, String name, long exceptWhitelistId);
}
