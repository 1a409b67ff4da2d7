package io.coffer.signing;

import io.coffer.common.Caller;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import java.util.Optional;
import java.util.Set;

/** Storage of messages to sign. */
public interface Messages {

    /** The {@code order_by} values a messages search accepts. */
    Set<String> ORDER_BY = Set.of("created_on", "id", "status");

    long create(Tx tx, Message message);

    Optional<Message> find(Tx tx, long workspaceId, long messageId);

    /** A message of an account the caller may see. */
    Optional<Message> findVisible(Tx tx, Caller caller, long messageId);

    Page<Message> search(Tx tx, Caller caller, MessageFilter filter, PageRequest page);

    void setRequest(Tx tx, long messageId, long requestId);

    /** Writes the status and the signature. */
    void update(Tx tx, Message message);
}
