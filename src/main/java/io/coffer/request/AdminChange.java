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
public sealed interface AdminChange extends RequestChange {

    @Override
    default RequestType type() {
        return switch (this) {
            case CreateGroup c -> RequestType.CREATE_GROUP;
            case EditGroup e -> RequestType.EDIT_GROUP;
            case RevokeGroup r -> RequestType.REVOKE_GROUP;
            case CreateWhitelist c -> RequestType.CREATE_WHITELIST;
            case EditWhitelist e -> RequestType.EDIT_WHITELIST;
            case CreateEntity c -> RequestType.CREATE_ENTITY;
            case EditEntity e -> RequestType.EDIT_ENTITY;
            case RevokeEntity r -> RequestType.REVOKE_ENTITY;
            case CreateAccount c -> RequestType.CREATE_ACCOUNT;
            case EditAccount e -> RequestType.EDIT_ACCOUNT;
            case CreateUser c -> c.type();
            case RevokeUser r -> RequestType.REVOKE_USER;
            case ReplaceApprovalKey k -> k.type();
            case UpdateQuorum q -> RequestType.UPDATE_QUORUM;
        };
    }

    /** Whether the change creates its target (and so cannot collide with another request on it). */
    default boolean creates() {
        return type().name().startsWith("CREATE_");
    }

    /** What the change acts on. */
    default TargetType targetType() {
        return switch (this) {
            case CreateGroup c -> TargetType.GROUP;
            case EditGroup e -> TargetType.GROUP;
            case RevokeGroup r -> TargetType.GROUP;
            case CreateWhitelist c -> TargetType.WHITELIST;
            case EditWhitelist e -> TargetType.WHITELIST;
            case CreateEntity c -> TargetType.ENTITY;
            case EditEntity e -> TargetType.ENTITY;
            case RevokeEntity r -> TargetType.ENTITY;
            case CreateAccount c -> TargetType.ACCOUNT;
            case EditAccount e -> TargetType.ACCOUNT;
            case CreateUser c -> TargetType.USER;
            case RevokeUser r -> TargetType.USER;
            case ReplaceApprovalKey k -> TargetType.USER;
            case UpdateQuorum q -> TargetType.ADMIN_GROUP;
        };
    }

    /** A new group with its members. */
    record CreateGroup(String name, String description, List<Long> members) implements AdminChange {
        public CreateGroup {
            members = List.copyOf(members);
        }
    }

    /** New values for some of a group's name, description and members. */
    record EditGroup(long groupId, Optional<String> name, Optional<String> description, Optional<List<Long>> members)
            implements AdminChange {
    }

    record RevokeGroup(long groupId) implements AdminChange {
    }

    record CreateWhitelist(String name, Optional<String> description, List<WhitelistAddress> addresses)
            implements AdminChange {
        public CreateWhitelist {
            addresses = List.copyOf(addresses);
        }
    }

    /** New values for some of a whitelist's name, description and addresses (the list replaces the old one). */
    record EditWhitelist(long whitelistId, Optional<String> name, Optional<String> description,
                         Optional<List<WhitelistAddress>> addresses) implements AdminChange {
    }

    record CreateEntity(String name, List<Long> accounts) implements AdminChange {
        public CreateEntity {
            accounts = List.copyOf(accounts);
        }
    }

    /** A new name and/or a new set of accounts (which replaces the old one). */
    record EditEntity(long entityId, Optional<String> name, Optional<List<Long>> accounts) implements AdminChange {
    }

    record RevokeEntity(long entityId) implements AdminChange {
    }

    /** A new account, pending until approved, optionally placed in an entity. */
    record CreateAccount(NewAccountRequest account, Optional<Long> entity) implements AdminChange {
    }

    record EditAccount(long accountId, Optional<String> name, Optional<List<RuleSetDraft>> rules) implements AdminChange {
    }

    /** A new API user ({@code CREATE_API_USER} or {@code CREATE_OPERATOR}) with its approval key. */
    record CreateUser(RequestType type, String username, Role role, boolean viewAll, String publicKey)
            implements AdminChange {
    }

    record RevokeUser(long userId) implements AdminChange {
    }

    /**
     * A user's approval key registered or replaced ({@code MIGRATE_ADMIN} for admins,
     * {@code MIGRATE_OPERATOR} for operators: the user moves to a new key).
     */
    record ReplaceApprovalKey(RequestType type, long userId, String publicKey) implements AdminChange {
    }

    /** How many admins must approve administrative requests from now on. */
    record UpdateQuorum(int quorum) implements AdminChange {
    }
}
