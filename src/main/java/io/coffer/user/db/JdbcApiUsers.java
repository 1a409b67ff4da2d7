package io.coffer.user.db;

import io.coffer.common.Role;
import io.coffer.common.Tx;
import io.coffer.db.Sql;
import io.coffer.user.ApiUser;
import io.coffer.user.ApiUsers;
import io.coffer.user.NewApiUser;
import io.coffer.user.UserStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link ApiUsers} over JDBC. */
public final class JdbcApiUsers implements ApiUsers {

    private static final String COLUMNS =
            "id, workspace_id, username, role, view_all, status, api_key_id, public_key, created_by, created_on";

    @Override
    public long create(Tx tx, NewApiUser user) {
        return Sql.insert(tx, """
                INSERT INTO api_user (workspace_id, username, role, view_all, status, api_key_id, secret_hash,
                                      public_key, created_by, created_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                user.workspaceId(), user.username(), user.role(), user.viewAll(), UserStatus.ACTIVE,
                user.apiKeyId(), user.secretHash(), Sql.orNull(user.publicKey(), Sql.NULL_VARCHAR),
                Sql.orNull(user.createdBy(), Sql.NULL_BIGINT), user.createdOn());
    }

    @Override
    public Optional<ApiUser> find(Tx tx, long workspaceId, long userId) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM api_user WHERE workspace_id = ? AND id = ?",
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
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM api_user WHERE workspace_id = ? AND id IN (" + placeholders
                + ") ORDER BY id", JdbcApiUsers::map, params);
    }

    private static ApiUser map(ResultSet row) throws SQLException {
        return new ApiUser(
                row.getLong("id"),
                row.getLong("workspace_id"),
                row.getString("username"),
                Role.valueOf(row.getString("role")),
                row.getBoolean("view_all"),
                UserStatus.valueOf(row.getString("status")),
                row.getString("api_key_id"),
                Optional.ofNullable(row.getString("public_key")),
                Sql.optionalLong(row, "created_by"),
                Sql.instant(row, "created_on"));
    }
}
