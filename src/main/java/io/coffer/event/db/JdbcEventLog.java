package io.coffer.event.db;

import io.coffer.common.Caller;
import io.coffer.common.Tx;
import io.coffer.db.Sql;
import io.coffer.db.Visibility;
import io.coffer.event.EventLog;
import io.coffer.event.FeedEvent;
import java.util.ArrayList;
import java.util.List;

/** {@link EventLog} over JDBC: the workspace's events by sequence number, filtered by what the caller may see. */
public final class JdbcEventLog implements EventLog {

    static final String COLUMNS = "e.seq, e.event_type, e.payload_type, e.object_id, e.created_on";

    @Override
    public List<FeedEvent> after(Tx tx, Caller caller, long after, int limit) {
        List<Object> params = new ArrayList<>(List.of(caller.workspaceId(), after));
        String visible = "";
        if (!caller.seesEverything()) {
            visible = " AND (" + Visibility.event("e") + ")";
            params.addAll(Visibility.eventParameters(caller.userId()));
        }
        params.add(limit);
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM event e WHERE e.workspace_id = ? AND e.seq > ?" + visible
                + " ORDER BY e.seq LIMIT ?", JdbcEventLog::map, params.toArray());
    }

    @Override
    public long lastSeq(Tx tx, long workspaceId) {
        return Sql.one(tx, "SELECT last_seq FROM event_sequence WHERE workspace_id = ?", row -> row.getLong(1),
                workspaceId).orElse(0L);
    }

    static FeedEvent map(java.sql.ResultSet row) throws java.sql.SQLException {
        return new FeedEvent(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), Sql.instant(row, 5));
    }
}
