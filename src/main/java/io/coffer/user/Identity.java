package io.coffer.user;

import io.coffer.common.Caller;
import io.coffer.common.Role;
import java.time.Duration;

/**
 * What authentication needs to know about a user and its workspace, read in one query.
 *
 * @param tokenKey the workspace's key for signing access tokens
 * @param secretHash the hash of the user's API key secret
 * @param sessionEpoch moves on whenever the user's sessions end (key rotated, access suspended or
 *     revoked); access tokens carry the epoch they were issued in and stop working when it moves
 */
public record Identity(
        long workspaceId,
        String workspaceName,
        io.coffer.common.WorkspaceKind kind,
        Duration clockOffset,
        byte[] tokenKey,
        long userId,
        String username,
        Role role,
        boolean viewAll,
        UserStatus status,
        String secretHash,
        int sessionEpoch) {

    /** Whether the user may sign in with an API key or token: active, and not a reporting key. */
    public boolean mayUseApiKey() {
        return status == UserStatus.ACTIVE && !role.readOnly();
    }

    public Caller toCaller() {
        return new Caller(workspaceId, workspaceName, kind, clockOffset, userId, username, role, viewAll);
    }

    @Override
    public String toString() {
        return "Identity[workspace=" + workspaceName + ", user=" + username + "]";
    }
}
