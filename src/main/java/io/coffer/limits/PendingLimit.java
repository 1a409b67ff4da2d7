package io.coffer.limits;

import io.coffer.common.Tx;
import io.coffer.common.WorkspaceKind;
import java.util.OptionalInt;

/** How many open requests a workspace may hold, asked by request creation inside its transaction. */
@FunctionalInterface
public interface PendingLimit {

    /** The limit in force, or empty when the workspace does not limit. */
    OptionalInt pendingRequests(Tx tx, long workspaceId, WorkspaceKind kind);
}
