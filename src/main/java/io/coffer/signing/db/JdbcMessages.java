package io.coffer.signing.db;

import io.coffer.common.Caller;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import io.coffer.db.Search;
import io.coffer.db.Sql;
import io.coffer.db.Visibility;
import io.coffer.signing.Message;
import io.coffer.signing.MessageFilter;
import io.coffer.signing.MessageType;
import io.coffer.signing.Messages;
import io.coffer.signing.SigningNote;
import io.coffer.signing.SigningStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/** {@link Messages} over JDBC; visibility follows the message's account, like transactions. */
public final class JdbcMessages implements Messages {

    private static final String COLUMNS = "m.id, m.workspace_id, m.account_id, m.address, m.message_type, m.data,"
            + " m.sign_hash, m.status, m.signature, m.request_id, m.created_by, m.created_on, m.note_title, m.note_content";
    private static final Map<String, String> ORDER_COLUMNS = Map.of("created_on", "m.created_on", "id", "m.id",
            "status", "m.status");

    @Override
    public long create(Tx tx, Message m) {
        return Sql.insert(tx, """
                INSERT INTO signed_message (workspace_id, account_id, address, message_type, data, sign_hash, status,
                                            signature, created_by, created_on, note_title, note_content)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                m.workspaceId(), m.accountId(), m.address(), m.type(), m.data(), m.signHash(), m.status(),
                Sql.orNull(m.signature(), Sql.NULL_VARCHAR), m.createdBy(), m.createdOn(),
                Sql.orNull(m.note().map(SigningNote::title), Sql.NULL_VARCHAR),
                Sql.orNull(m.note().map(SigningNote::content), Sql.NULL_VARCHAR));
    }

    @Override
    public Optional<Message> find(Tx tx, long workspaceId, long messageId) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM signed_message m WHERE m.id = ? AND m.workspace_id = ?",
                JdbcMessages::map, messageId, workspaceId);
    }

    @Override
    public Optional<Message> findVisible(Tx tx, Caller caller, long messageId) {
        if (caller.seesEverything()) {
            return find(tx, caller.workspaceId(), messageId);
        }
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM signed_message m WHERE m.id = ? AND m.workspace_id = ? AND "
                + Visibility.account("m.account_id"), JdbcMessages::map, messageId, caller.workspaceId(), caller.userId());
    }

    @Override
    public Page<Message> search(Tx tx, Caller caller, MessageFilter filter, PageRequest page) {
        Search search = new Search("signed_message", "m", caller.workspaceId());
        if (!caller.seesEverything()) {
            search.and(Visibility.account("m.account_id"), caller.userId());
        }
        return search.and(filter.id(), "m.id = ?")
                .in(filter.accounts(), "m.account_id")
                .and(filter.type().map(Enum::name), "m.message_type = ?")
                .in(filter.statuses().stream().map(Enum::name).toList(), "m.status")
                .and(filter.createdAfter(), "m.created_on > ?")
                .and(filter.createdBefore(), "m.created_on < ?")
                .page(tx, COLUMNS, ORDER_COLUMNS, page, JdbcMessages::map);
    }

    @Override
    public void setRequest(Tx tx, long messageId, long requestId) {
        Sql.update(tx, "UPDATE signed_message SET request_id = ? WHERE id = ?", requestId, messageId);
    }

    @Override
    public void update(Tx tx, Message m) {
        Sql.update(tx, "UPDATE signed_message SET status = ?, signature = ? WHERE id = ?", m.status(),
                Sql.orNull(m.signature(), Sql.NULL_VARCHAR), m.id());
    }

    private static Message map(ResultSet row) throws SQLException {
        String title = row.getString(13);
        return new Message(row.getLong(1), row.getLong(2), row.getLong(3), row.getString(4),
                MessageType.valueOf(row.getString(5)), row.getString(6), row.getString(7),
                SigningStatus.valueOf(row.getString(8)), Optional.ofNullable(row.getString(9)),
                Sql.optionalLong(row, 10).orElse(0L), row.getLong(11), Sql.instant(row, 12),
                title == null ? Optional.empty() : Optional.of(new SigningNote(title, row.getString(14))));
    }
}
