package io.coffer.entity;

import io.coffer.common.Caller;
import io.coffer.common.ObjectStatus;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Storage of entities; an account belongs to at most one entity. */
public interface Entities {

    Set<String> ORDER_BY = Set.of("created_on", "id", "name", "status");

    long create(Tx tx, long workspaceId, String name, ObjectStatus status, long createdBy, Instant createdOn);

    Optional<Entity> find(Tx tx, long workspaceId, long entityId);

    Optional<Entity> findVisible(Tx tx, Caller caller, long entityId);

    Page<Entity> search(Tx tx, Caller caller, EntityFilter filter, PageRequest page);

    void rename(Tx tx, long entityId, String name);

    /** Makes these accounts (and only these) the entity's. */
    void assignAccounts(Tx tx, long entityId, List<Long> accountIds);

    void setStatus(Tx tx, long entityId, ObjectStatus status);

    void setLastRequest(Tx tx, long entityId, long requestId);

    /** Of these accounts, those owned by another entity. */
    List<Long> ownedElsewhere(Tx tx, List<Long> accountIds, long entityId);

    boolean nameTaken(Tx tx, long workspaceId, String name, long exceptEntityId);

    /** The operators named in the rules of at least one of the entity's accounts. */
    List<Long> operators(Tx tx, long entityId);
}
