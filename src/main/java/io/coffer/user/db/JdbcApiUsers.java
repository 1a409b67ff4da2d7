package io.coffer.user.db;

import io.coffer.common.Caller;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Role;
import io.coffer.common.Tx;
import io.coffer.db.Search;
import io.coffer.db.Sql;
import io.coffer.db.Visibility;
import io.coffer.user.ApiUser;
import io.coffer.user.ApiUsers;
import io.coffer.user.NewApiUser;
import io.coffer.user.UserFilter;
import io.coffer.user.UserStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link ApiUsers} over JDBC. */
public final class JdbcApiUsers implements ApiUsers {

    private static final String COLUMNS =
            "u.id, u.workspace_id, u.username, u.role, u.view_all, u.status, u.api_key_id, u.public_key, u.created_by,"
                    + " u.created_on, u.last_request";
    private static final Map<String, String> ORDER_COLUMNS = Map.of("created_on", "u.created_on", "id", "u.id",
            "username", "u.username", "role", "u.role", "status", "u.status");

    @Override
    public long create(Tx tx, NewApiUser user) {
        return Sql.insert(tx, """
                INSERT INTO api_user (workspace_id, username, role, view_all, status, api_key_id, secret_hash,
                                      public_key, created_by, created_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                user.workspaceId(), user.username(), user.role(), user.viewAll(), user.status(),
                user.apiKeyId(), user.secretHash(), Sql.orNull(user.publicKey(), Sql.NULL_VARCHAR),
                Sql.orNull(user.createdBy(), Sql.NULL_BIGINT), user.createdOn());
    }

    @Override
    public Optional<ApiUser> find(Tx tx, long workspaceId, long userId) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM api_user u WHERE u.workspace_id = ? AND u.id = ?",
                JdbcApiUsers::map, workspaceId, userId);
    }

    @Override
    public boolean usernameTaken(Tx tx, long workspaceId, String username) {
        return Sql.count(tx, "SELECT COUNT(*) FROM api_user WHERE workspace_id = ? AND username = ?",
                workspaceId, username) > 0;
    }

    @Override
    public List<ApiUser> findAll(Tx tx, long workspaceId, List<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        String placeholders = userIds.stream().map(id -> "?").collect(Collectors.joining(", "));
        Object[] params = new Object[userIds.size() + 1];
        params[0] = workspaceId;
        for (int i = 0; i < userIds.size(); i++) {
            params[i + 1] = userIds.get(i);
        }
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM api_user u WHERE u.workspace_id = ? AND u.id IN (" + placeholders
                + ") ORDER BY u.id", JdbcApiUsers::map, params);
    }

    @Override
    public Optional<ApiUser> findVisible(Tx tx, Caller caller, long userId) {
        if (caller.seesEverything()) {
            return find(tx, caller.workspaceId(), userId);
        }
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM api_user u WHERE u.workspace_id = ? AND u.id = ? AND ("
                + Visibility.user("u.id") + ")", JdbcApiUsers::map, caller.workspaceId(), userId, caller.userId(),
                caller.userId());
    }

    @Override
    public Page<ApiUser> search(Tx tx, Caller caller, UserFilter filter, PageRequest page) {
        Search search = new Search("api_user", "u", caller.workspaceId());
        if (!caller.seesEverything()) {
            search.and(Visibility.user("u.id"), caller.userId(), caller.userId());
        }
        search.and(filter.id(), "u.id = ?")
                .and(filter.username(), "u.username = ?")
                .and(filter.role(), "u.role = ?")
                .and(filter.status(), "u.status = ?")
                .and(filter.createdAfter(), "u.created_on > ?")
                .and(filter.createdBefore(), "u.created_on < ?");
        // Relations to an account or group the caller cannot see match nothing, so they reveal nothing.
        filter.account().ifPresent(account -> {
            search.and("EXISTS (SELECT 1 FROM account_governor fg WHERE fg.user_id = u.id AND fg.account_id = ?)", account);
            if (!caller.seesEverything()) {
                search.and(Visibility.account("?"), account, caller.userId());
            }
        });
        filter.group().ifPresent(group -> {
            search.and("EXISTS (SELECT 1 FROM group_member fm WHERE fm.user_id = u.id AND fm.group_id = ?)", group);
            if (!caller.seesEverything()) {
                search.and(Visibility.group("?"), group, caller.userId(), group, caller.userId());
            }
        });
        return search.page(tx, COLUMNS, ORDER_COLUMNS, page, JdbcApiUsers::map);
    }

    @Override
    public void lock(Tx tx, long workspaceId, long userId) {
        Sql.one(tx, "SELECT id FROM api_user WHERE id = ? AND workspace_id = ? FOR UPDATE", row -> row.getLong(1), userId,
                workspaceId);
    }

    @Override
    public void setStatus(Tx tx, long userId, UserStatus status) {
        Sql.update(tx, "UPDATE api_user SET status = ? WHERE id = ?", status, userId);
    }

    @Override
    public void setLastRequest(Tx tx, long userId, long requestId) {
        Sql.update(tx, "UPDATE api_user SET last_request = ? WHERE id = ?", requestId, userId);
    }

    @Override
    public void replaceSecret(Tx tx, long userId, String apiKeyId, String secretHash) {
        Sql.update(tx, "UPDATE api_user SET api_key_id = ?, secret_hash = ? WHERE id = ?", apiKeyId, secretHash, userId);
    }

    @Override
    public void endSessions(Tx tx, long userId) {
        Sql.update(tx, "UPDATE api_user SET session_epoch = session_epoch + 1 WHERE id = ?", userId);
        Sql.update(tx, "UPDATE refresh_token SET revoked = TRUE WHERE user_id = ? AND revoked = FALSE", userId);
    }

    @Override
    public long accessClaimedUntil(Tx tx, long userId) {
        return Sql.one(tx, "SELECT access_claimed_until FROM api_user WHERE id = ?", row -> row.getLong(1), userId)
                .orElse(0L);
    }

    @Override
    public void setAccessClaimedUntil(Tx tx, long userId, long challengeExpiry) {
        Sql.update(tx, "UPDATE api_user SET access_claimed_until = ? WHERE id = ?", challengeExpiry, userId);
    }

    @Override
    public void setPublicKey(Tx tx, long userId, String publicKey) {
        Sql.update(tx, "UPDATE api_user SET public_key = ? WHERE id = ?", publicKey, userId);
    }

    @Override
    public List<Long> activeAdmins(Tx tx, long workspaceId) {
        return Sql.list(tx, "SELECT id FROM api_user WHERE workspace_id = ? AND role = 'ADMIN' AND status = 'ACTIVE'"
                + " ORDER BY id", row -> row.getLong(1), workspaceId);
    }

    @Override
    public void setReportingEntities(Tx tx, long userId, List<Long> entityIds) {
        Sql.update(tx, "DELETE FROM reporting_key_entity WHERE user_id = ?", userId);
        for (Long entity : entityIds) {
            Sql.update(tx, "INSERT INTO reporting_key_entity (user_id, entity_id) VALUES (?, ?)", userId, entity);
        }
    }

    private static ApiUser map(ResultSet row) throws SQLException {
        return new ApiUser(
                row.getLong(1),
                row.getLong(2),
                row.getString(3),
                Role.valueOf(row.getString(4)),
                row.getBoolean(5),
                UserStatus.valueOf(row.getString(6)),
                row.getString(7),
                Optional.ofNullable(row.getString(8)),
                Sql.optionalLong(row, 9),
                Sql.instant(row, 10),
                Sql.optionalLong(row, 11));
    }
}
