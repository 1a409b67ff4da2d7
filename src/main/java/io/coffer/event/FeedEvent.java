package io.coffer.event;

import java.time.Instant;

/** An event as recorded: its place in the workspace's sequence and what webhooks say of it. */
public record FeedEvent(long seq, String eventType, String payloadType, long objectId, Instant createdOn) {

    /**
     * The webhook body: exactly the three fields of Ledger Enterprise's notifications, in their
     * order, so the bytes signed are the bytes sent.
     */
    public String body() {
        return "{\"payload_type\":\"" + payloadType + "\",\"event_type\":\"" + eventType + "\",\"id\":" + objectId + "}";
    }
}
