package io.coffer.workspace;

import io.coffer.common.Tx;
import io.coffer.keys.WorkspaceKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Storage of workspaces and their keys. */
public interface Workspaces {

    /** Inserts a workspace; empty when the name is taken. */
    Optional<Long> create(Tx tx, String name, io.coffer.common.WorkspaceKind kind, Instant createdOn, WorkspaceKeys keys);

    Optional<Workspace> find(Tx tx, long workspaceId);

    WorkspaceKeys keys(Tx tx, long workspaceId);

    /** Moves the workspace clock forward and returns the new offset. */
    Duration advanceClock(Tx tx, long workspaceId, Duration by);

    /** Locks the workspace row: serialises creations that need workspace-wide uniqueness. */
    void lock(Tx tx, long workspaceId);

    /** How many admins must approve an administrative request (at most the number of active admins). */
    int adminQuorum(Tx tx, long workspaceId);

    void setAdminQuorum(Tx tx, long workspaceId, int quorum);
}
