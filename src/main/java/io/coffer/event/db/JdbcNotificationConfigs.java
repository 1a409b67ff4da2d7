package io.coffer.event.db;

import io.coffer.common.Tx;
import io.coffer.db.Sql;
import io.coffer.event.NotificationConfigs;
import java.time.Instant;
import java.util.Optional;

/** {@link NotificationConfigs} over JDBC: one row per user. */
public final class JdbcNotificationConfigs implements NotificationConfigs {

    @Override
    public Optional<Stored> find(Tx tx, long userId) {
        return Sql.one(tx, "SELECT url, secret_sealed, secret_hint FROM notification_config WHERE user_id = ?",
                row -> new Stored(Optional.ofNullable(row.getString(1)), Optional.ofNullable(row.getString(2)),
                        row.getString(3) == null ? "" : row.getString(3)), userId);
    }

    @Override
    public void save(Tx tx, long workspaceId, long userId, Stored config, Instant at) {
        Object url = Sql.orNull(config.url(), Sql.NULL_VARCHAR);
        Object secret = Sql.orNull(config.sealedSecret(), Sql.NULL_VARCHAR);
        int updated = Sql.update(tx, "UPDATE notification_config SET url = ?, secret_sealed = ?, secret_hint = ?,"
                + " updated_on = ? WHERE user_id = ?", url, secret, config.secretHint(), at, userId);
        if (updated == 0) {
            Sql.update(tx, "INSERT INTO notification_config (user_id, workspace_id, url, secret_sealed, secret_hint,"
                    + " updated_on) VALUES (?, ?, ?, ?, ?, ?)", userId, workspaceId, url, secret, config.secretHint(), at);
        }
    }
}
