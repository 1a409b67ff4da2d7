package io.coffer.request;

import io.coffer.common.Caller;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import io.coffer.governance.RequestStatus;
import io.coffer.governance.Vote;
import io.coffer.governance.VoteKind;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Storage of requests, their votes, challenges and status history. */
public interface Requests {

    /** The {@code order_by} values a requests search accepts. */
    Set<String> ORDER_BY = Set.of("created_on", "id", "status", "type", "expires_at");

    /** A challenge as issued: its bytes (base64url) and whether it was used. */
    record Challenge(long id, String payload, boolean used) {
    }

    /** One status a request went through. */
    record Event(long requestId, RequestStatus status, Instant at) {
    }

    long create(Tx tx, Request request);

    /** Keeps the administrative change a request will apply. */
    void saveChange(Tx tx, long requestId, AdminChange change);

    /** The administrative change a request of this type keeps; empty for other requests. */
    Optional<AdminChange> change(Tx tx, long requestId, RequestType type);

    /** An open (pending, not yet expired at {@code now}) request acting on the object, if there is one. */
    Optional<Long> openFor(Tx tx, long workspaceId, TargetType type, long targetId, Instant now);

    /** Finds a request and locks it until the transaction ends (votes on one request are serial). */
    /**
     * Locks the workspace's row, so that concurrent creations under the pending limit count one after
     * the other, then counts its open requests (not past their expiry).
     */
    long lockAndCountOpen(Tx tx, long workspaceId, Instant now);

    Optional<Request> lock(Tx tx, long workspaceId, long requestId);

    Optional<Request> find(Tx tx, long workspaceId, long requestId);

    /** Finds a request the caller may see: its account is visible to the caller. */
    Optional<Request> findVisible(Tx tx, Caller caller, long requestId);

    /** Searches the requests the caller may see; status filters see a request past its expiry at {@code now} as EXPIRED. */
    Page<Request> search(Tx tx, Caller caller, RequestFilter filter, PageRequest page, Instant now);

    void update(Tx tx, Request request);

    /** Stores a request's approval steps anew (and who may approve each, for the pending_by search). */
    void replaceSteps(Tx tx, Request request);

    List<Vote> votes(Tx tx, long requestId);

    void addVote(Tx tx, long requestId, Vote vote);

    void addEvent(Tx tx, long requestId, RequestStatus status, Instant at);

    /** Status histories of requests, oldest first. */
    Map<Long, List<Event>> events(Tx tx, Collection<Long> requestIds);

    /** The requests acting on a target, oldest first. */
    List<Request> forTarget(Tx tx, long workspaceId, TargetType type, long targetId);

    /** Issues a challenge to a user, replacing any earlier one of the same kind. */
    void saveChallenge(Tx tx, long requestId, long userId, VoteKind kind, String payload, Instant at);

    Optional<Challenge> challenge(Tx tx, long requestId, long userId, VoteKind kind);

    void useChallenge(Tx tx, long challengeId);

    /** The open requests of a workspace (at most {@code limit}), oldest first. */
    List<Request> open(Tx tx, long workspaceId, int limit);

    /** Ids of open requests of a workspace whose expiry is at or before {@code now}. */
    List<Long> due(Tx tx, long workspaceId, Instant now, int limit);

    /** Workspaces with open requests, with their clock offsets in milliseconds. */
    Map<Long, Long> workspacesWithOpenRequests(Tx tx);
}
