package io.coffer.event;

import io.coffer.common.Caller;
import io.coffer.common.Tx;
import java.util.List;

/** Reading the events a workspace recorded, as a caller may see them. */
public interface EventLog {

    /** The caller's visible events with a sequence number above {@code after}, in order, at most {@code limit}. */
    List<FeedEvent> after(Tx tx, Caller caller, long after, int limit);

    /** The workspace's last sequence number (0 before its first event). */
    long lastSeq(Tx tx, long workspaceId);
}
