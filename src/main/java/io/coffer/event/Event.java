package io.coffer.event;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened to an object of a workspace, as its webhook body names it
 * ({@code payload_type}, {@code event_type}, {@code id}).
 *
 * @param accountId the account the object belongs to (transactions, requests about an account,
 *     accounts themselves), which decides who may see it
 */
public record Event(long workspaceId, EventType type, String payloadType, long objectId, Optional<Long> accountId,
                    Instant at) {

    public Event {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(at, "at");
    }

    /** An event about an object that is not an account: its payload type is its kind's name. */
    public static Event of(long workspaceId, EventType type, long objectId, Optional<Long> accountId, Instant at) {
        if (type.kind() == ObjectKind.ACCOUNT) {
            throw new IllegalArgumentException("account events name the account's type: use Event.account");
        }
        return new Event(workspaceId, type, type.kind().name(), objectId, accountId, at);
    }

    /** An event about an account: the payload type is {@code <ACCOUNT TYPE>_ACCOUNT}, e.g. {@code ERC20_ACCOUNT}. */
    public static Event account(long workspaceId, EventType type, long accountId, String accountType, Instant at) {
        return new Event(workspaceId, type, accountType.toUpperCase(Locale.ROOT) + "_ACCOUNT", accountId,
                Optional.of(accountId), at);
    }

    /** The key that orders deliveries: events about one object reach a receiver in the order they happened. */
    public String objectKey() {
        return type.kind().name() + ":" + objectId;
    }
}
