package io.coffer.request;

import io.coffer.event.EventType;
import java.util.Optional;

/**
 * The notification an applied request type produces about its target. The switch is exhaustive: a
 * new request type does not compile until it decides.
 */
final class AppliedEvents {

    private AppliedEvents() {
    }

    static Optional<EventType> of(RequestType type) {
        return Optional.ofNullable(switch (type) {
            case CREATE_ACCOUNT -> EventType.NEW_ACCOUNT_HAS_BEEN_CREATED;
            case EDIT_ACCOUNT, MIGRATE_ACCOUNT -> EventType.ACCOUNT_HAS_BEEN_EDITED;
            case CREATE_ADMIN, CREATE_OPERATOR, CREATE_API_USER -> EventType.NEW_USER_HAS_BEEN_CREATED;
            case ACTIVATE, CREATE_API_USER_ACCESS, MIGRATE_ADMIN, MIGRATE_OPERATOR -> EventType.USER_HAS_BEEN_EDITED;
            case REVOKE_USER -> EventType.USER_HAS_BEEN_REVOKED;
            case CREATE_GROUP -> EventType.NEW_GROUP_HAS_BEEN_CREATED;
            case EDIT_GROUP, MIGRATE_GROUP -> EventType.GROUP_HAS_BEEN_EDITED;
            case REVOKE_GROUP -> EventType.GROUP_HAS_BEEN_REVOKED;
            case CREATE_ENTITY -> EventType.NEW_ENTITY_HAS_BEEN_CREATED;
            case EDIT_ENTITY -> EventType.ENTITY_HAS_BEEN_EDITED;
            case REVOKE_ENTITY -> EventType.ENTITY_HAS_BEEN_REVOKED;
            case CREATE_WHITELIST -> EventType.NEW_WHITELIST_HAS_BEEN_CREATED;
            case EDIT_WHITELIST, MIGRATE_WHITELIST -> EventType.WHITELIST_HAS_BEEN_EDITED;
            // Sends speak through their transaction's events; the admin group and quorum have no event type.
            case CREATE_TRANSACTION, CREATE_ADMIN_GROUP, EDIT_ADMIN_GROUP, UPDATE_QUORUM -> null;
            // The spec has no notification type for signed messages or digests; their requests' own events say it.
            case MESSAGE_SIGNING, SIGN_DIGESTS -> null;
            // TradeLink pledge changes: the spec's notification types name no pledge event.
            case CREATE_PLEDGE_INCREMENT, CREATE_FORCED_UNPLEDGE -> null;
            // Not carried out by Coffer (refused at creation), so never applied.
            case CREATE_DAPPS_CONFIG, EDIT_DAPPS_CONFIG, CREATE_POLICY,
                 EDIT_POLICY, CREATE_REPLEDGE, CREATE_TRADELINK, CREATE_TRADELINK_ASSET_MANAGER,
                 CREATE_TRADELINK_EXCHANGE -> null;
        });
    }
}
