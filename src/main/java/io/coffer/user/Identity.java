package io.coffer.user;

import io.coffer.common.Caller;
import io.coffer.common.Role;
import java.time.Duration;

/**
 * What authentication needs to know about a user and its workspace, read in one query.
 *
 * @param tokenKey the workspace's key for signing access tokens
 * @param secretHash the hash of the user's API key secret
 */
public record Identity(
        long workspaceId,
        String workspaceName,
        Duration clockOffset,
        byte[] tokenKey,
        long userId,
        String username,
        Role role,
        boolean viewAll,
        UserStatus status,
        String secretHash) {

    /** Whether the user may sign in with an API key or token: active, and not a reporting key. */
    public boolean mayUseApiKey() {
        return status == UserStatus.ACTIVE && !role.readOnly();
    }

    public Caller toCaller() {
        return new Caller(workspaceId, workspaceName, clockOffset, userId, username, role, viewAll);
    }

    @Override
    public String toString() {
        return "Identity[workspace=" + workspaceName + ", user=" + username + "]";
    }
}
