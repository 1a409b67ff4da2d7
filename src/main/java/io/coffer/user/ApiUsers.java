package io.coffer.user;

import io.coffer.common.Tx;
import java.util.List;
import java.util.Optional;

/** Storage of API users. */
public interface ApiUsers {

    long create(Tx tx, NewApiUser user);

    Optional<ApiUser> find(Tx tx, long workspaceId, long userId);

    boolean usernameTaken(Tx tx, long workspaceId, String username);

    /** The users of a workspace among the given ids; ids of other workspaces are left out. */
    List<ApiUser> findAll(Tx tx, long workspaceId, List<Long> userIds);
}
