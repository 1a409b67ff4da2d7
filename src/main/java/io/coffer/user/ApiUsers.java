package io.coffer.user;

import io.coffer.common.Caller;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import java.util.List;
import java.util.Optional;

/** Storage of API users. */
public interface ApiUsers {

    java.util.Set<String> ORDER_BY = java.util.Set.of("created_on", "id", "username", "role", "status");

    long create(Tx tx, NewApiUser user);

    Optional<ApiUser> find(Tx tx, long workspaceId, long userId);

    boolean usernameTaken(Tx tx, long workspaceId, String username);

    /** The users of a workspace among the given ids; ids of other workspaces are left out. */
    List<ApiUser> findAll(Tx tx, long workspaceId, List<Long> userIds);

    Optional<ApiUser> findVisible(Tx tx, Caller caller, long userId);

    /** Locks a user's row until the transaction ends. */
    void lock(Tx tx, long workspaceId, long userId);

    Page<ApiUser> search(Tx tx, Caller caller, UserFilter filter, PageRequest page);

    void setStatus(Tx tx, long userId, UserStatus status);

    void setLastRequest(Tx tx, long userId, long requestId);

    /** Gives the user a new API key id and secret (stored hashed); the old ones stop working. */
    void replaceSecret(Tx tx, long userId, String apiKeyId, String secretHash);

    /**
     * Ends every session of the user at once: its access tokens stop verifying (their session epoch
     * is behind) and its refresh tokens are revoked.
     */
    void endSessions(Tx tx, long userId);

    /** The expiry of the last API access challenge the user claimed with (0 before any claim). */
    long accessClaimedUntil(Tx tx, long userId);

    void setAccessClaimedUntil(Tx tx, long userId, long challengeExpiry);

    /** Registers or replaces the user's approval key (uncompressed P-256, hex). */
    void setPublicKey(Tx tx, long userId, String publicKey);

    /** The workspace's active admins, ascending: the admin quorum's electorate. */
    List<Long> activeAdmins(Tx tx, long workspaceId);

    /** The entities a reporting key reads. */
    void setReportingEntities(Tx tx, long userId, List<Long> entityIds);
}
