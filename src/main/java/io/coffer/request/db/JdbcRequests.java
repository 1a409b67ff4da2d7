package io.coffer.request.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.common.Caller;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import io.coffer.db.Search;
import io.coffer.db.Sql;
import io.coffer.db.Visibility;
import io.coffer.request.AdminChange;
import io.coffer.governance.ApprovalStep;
import io.coffer.governance.RequestStatus;
import io.coffer.governance.Vote;
import io.coffer.governance.VoteKind;
import io.coffer.request.Request;
import io.coffer.request.RequestFilter;
import io.coffer.request.RequestType;
import io.coffer.request.Requests;
import io.coffer.request.TargetType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** {@link Requests} over JDBC; a request's steps are stored as JSON text. */
public final class JdbcRequests implements Requests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "r.id, r.workspace_id, r.request_type, r.status, r.target_type, r.target_id,"
            + " r.account_id, r.created_by, r.created_on, r.expires_at, r.current_step, r.steps, r.intent";
    /**
     * Requests on an account the caller sees, or on a user it sees; administrative requests on other
     * objects only for those who see everything. Three parameters: the caller's id, three times.
     */
    private static final String VISIBLE_CONDITION = Visibility.request("r");
    private static final String VISIBLE = " AND (" + VISIBLE_CONDITION + ")";
    private static final Map<String, String> ORDER_COLUMNS = Map.of("created_on", "r.created_on", "id", "r.id",
            "status", "r.status", "type", "r.request_type", "expires_at", "r.expires_at");

    @Override
    public void saveChange(Tx tx, long requestId, AdminChange change) {
        Sql.update(tx, "UPDATE request SET change_data = ? WHERE id = ?", AdminChangeJson.write(change), requestId);
    }

    @Override
    public Optional<AdminChange> change(Tx tx, long requestId, RequestType type) {
        return Sql.one(tx, "SELECT change_data FROM request WHERE id = ? AND change_data IS NOT NULL",
                row -> AdminChangeJson.read(type, row.getString(1)), requestId);
    }

    @Override
    public Optional<Long> openFor(Tx tx, long workspaceId, TargetType type, long targetId, Instant now) {
        return Sql.one(tx, "SELECT id FROM request WHERE workspace_id = ? AND target_type = ? AND target_id = ?"
                + " AND status IN ('PENDING_FIRST_APPROVAL', 'PENDING_APPROVAL') AND expires_at > ? FETCH FIRST 1 ROWS ONLY",
                row -> row.getLong(1), workspaceId, type, targetId, now);
    }

    @Override
    public long lockAndCountOpen(Tx tx, long workspaceId, Instant now) {
        Sql.one(tx, "SELECT id FROM workspace WHERE id = ? FOR UPDATE", row -> row.getLong(1), workspaceId);
        return Sql.count(tx, "SELECT COUNT(*) FROM request WHERE workspace_id = ? AND status IN"
                + " ('PENDING_FIRST_APPROVAL', 'PENDING_APPROVAL') AND expires_at > ?", workspaceId, now);
    }

    @Override
    public long create(Tx tx, Request request) {
        long id = Sql.insert(tx, """
                INSERT INTO request (workspace_id, request_type, status, target_type, target_id, account_id, created_by,
                                     created_on, expires_at, current_step, steps, intent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                request.workspaceId(), request.type(), request.status(), request.targetType(), request.targetId(),
                Sql.orNull(request.accountId(), Sql.NULL_BIGINT), request.createdBy(), request.createdOn(),
                request.expiresAt(), request.currentStep(), writeSteps(request.steps()), request.intent());
        insertApprovers(tx, id, request.steps());
        return id;
    }

    @Override
    public Optional<Request> lock(Tx tx, long workspaceId, long requestId) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM request r WHERE r.id = ? AND r.workspace_id = ? FOR UPDATE",
                JdbcRequests::map, requestId, workspaceId);
    }

    @Override
    public Optional<Request> find(Tx tx, long workspaceId, long requestId) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM request r WHERE r.id = ? AND r.workspace_id = ?",
                JdbcRequests::map, requestId, workspaceId);
    }

    @Override
    public Optional<Request> findVisible(Tx tx, Caller caller, long requestId) {
        if (caller.seesEverything()) {
            return find(tx, caller.workspaceId(), requestId);
        }
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM request r WHERE r.id = ? AND r.workspace_id = ?" + VISIBLE,
                JdbcRequests::map, requestId, caller.workspaceId(), caller.userId(), caller.userId(), caller.userId());
    }

    @Override
    public Page<Request> search(Tx tx, Caller caller, RequestFilter filter, PageRequest page, Instant now) {
        Search search = new Search("request", "r", caller.workspaceId());
        if (!caller.seesEverything()) {
            search.and(VISIBLE_CONDITION, caller.userId(), caller.userId(), caller.userId());
        }
        search.and(filter.id(), "r.id = ?")
                .and(filter.createdBy(), "r.created_by = ?")
                .and(filter.targetId(), "r.target_id = ?")
                .and(filter.approvedBy(), "EXISTS (SELECT 1 FROM request_vote v WHERE v.request_id = r.id AND v.user_id = ?"
                        + " AND v.kind = 'APPROVE')")
                .and(filter.rejectedBy(), "EXISTS (SELECT 1 FROM request_vote v WHERE v.request_id = r.id AND v.user_id = ?"
                        + " AND v.kind = 'ABORT')");
        filter.pendingBy().ifPresent(user -> search.and("r.status IN ('PENDING_FIRST_APPROVAL', 'PENDING_APPROVAL')"
                + " AND r.expires_at > ? AND NOT EXISTS (SELECT 1 FROM request_vote v WHERE v.request_id = r.id AND v.user_id = ?)"
                + " AND ((r.status = 'PENDING_FIRST_APPROVAL' AND r.created_by = ?)"
                + " OR (r.status = 'PENDING_APPROVAL' AND EXISTS (SELECT 1 FROM request_approver a"
                + " WHERE a.request_id = r.id AND a.user_id = ? AND a.step_index = r.current_step)))", now, user, user, user));
        statuses(search, filter.statuses(), now);
        return search.in(filter.targetTypes().stream().map(Enum::name).toList(), "r.target_type")
                .in(filter.types().stream().map(Enum::name).toList(), "r.request_type")
                .and(filter.createdAfter(), "r.created_on > ?")
                .and(filter.createdBefore(), "r.created_on < ?")
                .page(tx, COLUMNS, ORDER_COLUMNS, page, JdbcRequests::map);
    }

    /**
     * The status filter on effective statuses: an open request past its expiry counts as EXPIRED
     * (and no longer as pending) before the background job records it.
     */
    private static void statuses(Search search, List<RequestStatus> statuses, Instant now) {
        if (statuses.isEmpty()) {
            return;
        }
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (RequestStatus status : statuses) {
            if (status.open()) {
                conditions.add("(r.status = ? AND r.expires_at > ?)");
                params.add(status.name());
                params.add(now);
            } else if (status == RequestStatus.EXPIRED) {
                conditions.add("(r.status = 'EXPIRED' OR (r.status IN ('PENDING_FIRST_APPROVAL', 'PENDING_APPROVAL')"
                        + " AND r.expires_at <= ?))");
                params.add(now);
            } else {
                conditions.add("r.status = ?");
                params.add(status.name());
            }
        }
        search.and(String.join(" OR ", conditions), params.toArray());
    }

    @Override
    public void replaceSteps(Tx tx, Request request) {
        Sql.update(tx, "UPDATE request SET steps = ?, current_step = ? WHERE id = ?", writeSteps(request.steps()),
                request.currentStep(), request.id());
        Sql.update(tx, "DELETE FROM request_approver WHERE request_id = ?", request.id());
        insertApprovers(tx, request.id(), request.steps());
    }

    private static void insertApprovers(Tx tx, long requestId, List<ApprovalStep> steps) {
        for (int step = 0; step < steps.size(); step++) {
            for (Long user : steps.get(step).users()) {
                Sql.update(tx, "INSERT INTO request_approver (request_id, step_index, user_id) VALUES (?, ?, ?)",
                        requestId, step, user);
            }
        }
    }

    @Override
    public void update(Tx tx, Request request) {
        Sql.update(tx, "UPDATE request SET status = ?, current_step = ? WHERE id = ?", request.status(),
                request.currentStep(), request.id());
    }

    @Override
    public List<Vote> votes(Tx tx, long requestId) {
        return Sql.list(tx, "SELECT user_id, kind, step_index, created_on FROM request_vote WHERE request_id = ?"
                        + " ORDER BY created_on, user_id",
                row -> {
                    int step = row.getInt(3);
                    return new Vote(row.getLong(1), VoteKind.valueOf(row.getString(2)),
                            row.wasNull() ? OptionalInt.empty() : OptionalInt.of(step), Sql.instant(row, 4));
                }, requestId);
    }

    @Override
    public void addVote(Tx tx, long requestId, Vote vote) {
        Sql.update(tx, "INSERT INTO request_vote (request_id, user_id, kind, step_index, created_on) VALUES (?, ?, ?, ?, ?)",
                requestId, vote.userId(), vote.kind(),
                vote.stepIndex().isPresent() ? (Object) vote.stepIndex().getAsInt() : Sql.NULL_BIGINT, vote.at());
    }

    @Override
    public void addEvent(Tx tx, long requestId, RequestStatus status, Instant at) {
        Sql.update(tx, "INSERT INTO request_event (request_id, status, created_on) VALUES (?, ?, ?)", requestId, status, at);
    }

    @Override
    public Map<Long, List<Event>> events(Tx tx, Collection<Long> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Event>> result = new LinkedHashMap<>();
        Sql.list(tx, "SELECT request_id, status, created_on FROM request_event WHERE request_id IN ("
                        + requestIds.stream().map(id -> "?").collect(Collectors.joining(", ")) + ") ORDER BY request_id, id",
                row -> new Event(row.getLong(1), RequestStatus.valueOf(row.getString(2)), Sql.instant(row, 3)),
                requestIds.toArray())
                .forEach(event -> result.computeIfAbsent(event.requestId(), id -> new ArrayList<>()).add(event));
        return result;
    }

    @Override
    public List<Request> forTarget(Tx tx, long workspaceId, TargetType type, long targetId) {
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM request r WHERE r.workspace_id = ? AND r.target_type = ?"
                + " AND r.target_id = ? ORDER BY r.id", JdbcRequests::map, workspaceId, type, targetId);
    }

    @Override
    public void saveChallenge(Tx tx, long requestId, long userId, VoteKind kind, String payload, Instant at) {
        Sql.update(tx, "DELETE FROM request_challenge WHERE request_id = ? AND user_id = ? AND kind = ?",
                requestId, userId, kind);
        Sql.update(tx, "INSERT INTO request_challenge (request_id, user_id, kind, payload, created_on, used)"
                + " VALUES (?, ?, ?, ?, ?, FALSE)", requestId, userId, kind, payload, at);
    }

    @Override
    public Optional<Challenge> challenge(Tx tx, long requestId, long userId, VoteKind kind) {
        return Sql.one(tx, "SELECT id, payload, used FROM request_challenge WHERE request_id = ? AND user_id = ? AND kind = ?",
                row -> new Challenge(row.getLong(1), row.getString(2), row.getBoolean(3)), requestId, userId, kind);
    }

    @Override
    public void useChallenge(Tx tx, long challengeId) {
        Sql.update(tx, "UPDATE request_challenge SET used = TRUE WHERE id = ?", challengeId);
    }

    @Override
    public List<Request> open(Tx tx, long workspaceId, int limit) {
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM request r WHERE r.workspace_id = ? AND r.status IN"
                + " ('PENDING_FIRST_APPROVAL', 'PENDING_APPROVAL') ORDER BY r.id LIMIT ?", JdbcRequests::map, workspaceId, limit);
    }

    @Override
    public List<Long> due(Tx tx, long workspaceId, Instant now, int limit) {
        return Sql.list(tx, "SELECT id FROM request WHERE workspace_id = ? AND status IN ('PENDING_FIRST_APPROVAL',"
                + " 'PENDING_APPROVAL') AND expires_at <= ? ORDER BY id LIMIT ?", row -> row.getLong(1), workspaceId, now, limit);
    }

    @Override
    public Map<Long, Long> workspacesWithOpenRequests(Tx tx) {
        Map<Long, Long> result = new HashMap<>();
        Sql.list(tx, "SELECT DISTINCT w.id, w.clock_offset_ms FROM request r JOIN workspace w ON w.id = r.workspace_id"
                        + " WHERE r.status IN ('PENDING_FIRST_APPROVAL', 'PENDING_APPROVAL')",
                row -> result.put(row.getLong(1), row.getLong(2)));
        return result;
    }

    private static String writeSteps(List<ApprovalStep> steps) {
        ArrayNode array = JSON.createArrayNode();
        for (ApprovalStep step : steps) {
            ObjectNode node = array.addObject();
            step.users().forEach(node.putArray("users")::add);
            node.put("quorum", step.quorum());
            step.group().ifPresent(group -> node.put("group", group));
        }
        return array.toString();
    }

    private static List<ApprovalStep> readSteps(String json) {
        try {
            List<ApprovalStep> steps = new ArrayList<>();
            for (JsonNode node : JSON.readTree(json)) {
                List<Long> users = new ArrayList<>();
                node.get("users").forEach(user -> users.add(user.asLong()));
                steps.add(new ApprovalStep(users, node.get("quorum").asInt(),
                        node.has("group") ? Optional.of(node.get("group").asLong()) : Optional.empty()));
            }
            return steps;
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt request steps", e);
        }
    }

    private static Request map(ResultSet row) throws SQLException {
        return new Request(
                row.getLong(1),
                row.getLong(2),
                RequestType.valueOf(row.getString(3)),
                RequestStatus.valueOf(row.getString(4)),
                TargetType.valueOf(row.getString(5)),
                row.getLong(6),
                Sql.optionalLong(row, 7),
                row.getLong(8),
                Sql.instant(row, 9),
                Sql.instant(row, 10),
                row.getInt(11),
                readSteps(row.getString(12)),
                row.getString(13));
    }
}
