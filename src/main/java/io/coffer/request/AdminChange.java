package io.coffer.request;

import io.coffer.account.NewAccountRequest;
import io.coffer.common.Role;
import io.coffer.governance.RuleSetDraft;
import io.coffer.whitelist.WhitelistAddress;
import java.util.List;
import java.util.Optional;

/**
 * An administrative change to a workspace, as asked by {@code POST /requests}: checked when
 * requested, applied when the admins' quorum approves, dropped when rejected or expired.
 */
public sealed interface AdminChange {

    RequestType type();

    TargetType targetType();

    /** A new group with its members. */
    record CreateGroup(String name, String description, List<Long> members) implements AdminChange {
        public CreateGroup {
            members = List.copyOf(members);
        }

        public RequestType type() {
            return RequestType.CREATE_GROUP;
        }

        public TargetType targetType() {
            return TargetType.GROUP;
        }
    }

    /** New values for some of a group's name, description and members. */
    record EditGroup(long groupId, Optional<String> name, Optional<String> description, Optional<List<Long>> members)
            implements AdminChange {
        public RequestType type() {
            return RequestType.EDIT_GROUP;
        }

        public TargetType targetType() {
            return TargetType.GROUP;
        }
    }

    record RevokeGroup(long groupId) implements AdminChange {
        public RequestType type() {
            return RequestType.REVOKE_GROUP;
        }

        public TargetType targetType() {
            return TargetType.GROUP;
        }
    }

    record CreateWhitelist(String name, Optional<String> description, List<WhitelistAddress> addresses)
            implements AdminChange {
        public CreateWhitelist {
            addresses = List.copyOf(addresses);
        }

        public RequestType type() {
            return RequestType.CREATE_WHITELIST;
        }

        public TargetType targetType() {
            return TargetType.WHITELIST;
        }
    }

    /** New values for some of a whitelist's name, description and addresses (the list replaces the old one). */
    record EditWhitelist(long whitelistId, Optional<String> name, Optional<String> description,
                         Optional<List<WhitelistAddress>> addresses) implements AdminChange {
        public RequestType type() {
            return RequestType.EDIT_WHITELIST;
        }

        public TargetType targetType() {
            return TargetType.WHITELIST;
        }
    }

    record CreateEntity(String name, List<Long> accounts) implements AdminChange {
        public CreateEntity {
            accounts = List.copyOf(accounts);
        }

        public RequestType type() {
            return RequestType.CREATE_ENTITY;
        }

        public TargetType targetType() {
            return TargetType.ENTITY;
        }
    }

    /** A new name and/or a new set of accounts (which replaces the old one). */
    record EditEntity(long entityId, Optional<String> name, Optional<List<Long>> accounts) implements AdminChange {
        public RequestType type() {
            return RequestType.EDIT_ENTITY;
        }

        public TargetType targetType() {
            return TargetType.ENTITY;
        }
    }

    record RevokeEntity(long entityId) implements AdminChange {
        public RequestType type() {
            return RequestType.REVOKE_ENTITY;
        }

        public TargetType targetType() {
            return TargetType.ENTITY;
        }
    }

    /** A new account, pending until approved, optionally placed in an entity. */
    record CreateAccount(NewAccountRequest account, Optional<Long> entity) implements AdminChange {
        public RequestType type() {
            return RequestType.CREATE_ACCOUNT;
        }

        public TargetType targetType() {
            return TargetType.ACCOUNT;
        }
    }

    record EditAccount(long accountId, Optional<String> name, Optional<List<RuleSetDraft>> rules) implements AdminChange {
        public RequestType type() {
            return RequestType.EDIT_ACCOUNT;
        }

        public TargetType targetType() {
            return TargetType.ACCOUNT;
        }
    }

    /** A new API user ({@code CREATE_API_USER} or {@code CREATE_OPERATOR}) with its approval key. */
    record CreateUser(RequestType type, String username, Role role, boolean viewAll, String publicKey)
            implements AdminChange {
        public TargetType targetType() {
            return TargetType.USER;
        }
    }

    record RevokeUser(long userId) implements AdminChange {
        public RequestType type() {
            return RequestType.REVOKE_USER;
        }

        public TargetType targetType() {
            return TargetType.USER;
        }
    }

    /** How many admins must approve administrative requests from now on. */
    record UpdateQuorum(int quorum) implements AdminChange {
        public RequestType type() {
            return RequestType.UPDATE_QUORUM;
        }

        public TargetType targetType() {
            return TargetType.ADMIN_GROUP;
        }
    }
}
