package io.coffer.event;

/**
 * The notification event types of the Ledger Enterprise API that Coffer produces, each with the kind
 * of object it is about. {@code NEW_TRANSACTION_HAS_BEEN_SCORED} comes from Coffer's own screening
 * against its lists (no KYT provider): an incoming transaction whose sender is listed is scored.
 */
public enum EventType {
    NEW_TRANSACTION_HAS_BEEN_SIGNED(ObjectKind.TRANSACTION),
    NEW_TRANSACTION_HAS_BEEN_BROADCASTED(ObjectKind.TRANSACTION),
    NEW_TRANSACTION_HAS_FAILED(ObjectKind.TRANSACTION),
    NEW_TRANSACTION_HAS_BEEN_ABORTED(ObjectKind.TRANSACTION),
    NEW_TRANSACTION_HAS_BEEN_RECEIVED(ObjectKind.TRANSACTION),
    NEW_TRANSACTION_HAS_BEEN_SCORED(ObjectKind.TRANSACTION),
    REQUEST_HAS_BEEN_CREATED(ObjectKind.REQUEST),
    REQUEST_HAS_RECEIVED_AN_APPROVAL(ObjectKind.REQUEST),
    REQUEST_HAS_REACHED_STEP(ObjectKind.REQUEST),
    REQUEST_HAS_REACHED_QUORUM(ObjectKind.REQUEST),
    REQUEST_HAS_BEEN_ABORTED(ObjectKind.REQUEST),
    REQUEST_HAS_EXPIRED(ObjectKind.REQUEST),
    NEW_USER_HAS_BEEN_CREATED(ObjectKind.USER),
    USER_HAS_BEEN_EDITED(ObjectKind.USER),
    USER_HAS_BEEN_REVOKED(ObjectKind.USER),
    USER_HAS_BEEN_SUSPENDED(ObjectKind.USER),
    USER_HAS_BEEN_UNSUSPENDED(ObjectKind.USER),
    NEW_GROUP_HAS_BEEN_CREATED(ObjectKind.GROUP),
    GROUP_HAS_BEEN_EDITED(ObjectKind.GROUP),
    GROUP_HAS_BEEN_REVOKED(ObjectKind.GROUP),
    NEW_ACCOUNT_HAS_BEEN_CREATED(ObjectKind.ACCOUNT),
    ACCOUNT_HAS_BEEN_EDITED(ObjectKind.ACCOUNT),
    NEW_ENTITY_HAS_BEEN_CREATED(ObjectKind.ENTITY),
    ENTITY_HAS_BEEN_EDITED(ObjectKind.ENTITY),
    ENTITY_HAS_BEEN_REVOKED(ObjectKind.ENTITY),
    NEW_WHITELIST_HAS_BEEN_CREATED(ObjectKind.WHITELIST),
    WHITELIST_HAS_BEEN_EDITED(ObjectKind.WHITELIST);

    private final ObjectKind kind;

    EventType(ObjectKind kind) {
        this.kind = kind;
    }

    public ObjectKind kind() {
        return kind;
    }
}
