package io.coffer.common;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The authenticated identity behind a request: which workspace, which user, and what it may see.
 *
 * @param workspaceId the caller's workspace; every query is confined to it
 * @param workspaceName the workspace's name, as sent in {@code X-Ledger-Workspace}
 * @param kind whether the workspace is a sandbox or live one
 * @param clockOffset how far the workspace clock runs ahead of real time
 * @param userId the API user's id
 * @param username the API user's name
 * @param role the API user's role
 * @param viewAll whether the user sees every object of the workspace
 */
public record Caller(
        long workspaceId,
        String workspaceName,
        WorkspaceKind kind,
        Duration clockOffset,
        long userId,
        String username,
        Role role,
        boolean viewAll) {

    public Caller {
        Objects.requireNonNull(workspaceName, "workspaceName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(clockOffset, "clockOffset");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }

    /** Whether visibility rules are lifted for this caller (admins and view-all operators). */
    public boolean seesEverything() {
        return role == Role.ADMIN || viewAll;
    }

    public WorkspaceClock clock(InstantSource source) {
        return new WorkspaceClock(source, clockOffset);
    }
}
