package io.coffer.group;

import io.coffer.common.Caller;
import io.coffer.common.ObjectStatus;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Storage of groups and their members. */
public interface Groups {

    Set<String> ORDER_BY = Set.of("created_on", "id", "name", "status");

    long create(Tx tx, long workspaceId, String name, String description, List<Long> members, ObjectStatus status,
                long createdBy, Instant createdOn);

    Optional<Group> find(Tx tx, long workspaceId, long groupId);

    Optional<Group> findVisible(Tx tx, Caller caller, long groupId);

    Page<Group> search(Tx tx, Caller caller, GroupFilter filter, PageRequest page);

    void update(Tx tx, long groupId, String name, String description, List<Long> members);

    void setStatus(Tx tx, long groupId, ObjectStatus status);

    void setLastRequest(Tx tx, long groupId, long requestId);

    /** The accounts whose current rules use the group. */
    List<Long> accountsUsing(Tx tx, long groupId);

    /** Whether an active group of the workspace already has this name. */
    boolean nameTaken(Tx tx, long workspaceId, String name, long exceptGroupId);
}
