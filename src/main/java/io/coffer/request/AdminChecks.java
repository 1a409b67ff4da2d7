package io.coffer.request;

import io.coffer.account.Account;
import io.coffer.account.AccountStatus;
import io.coffer.account.Accounts;
import io.coffer.common.ObjectStatus;
import io.coffer.common.Outcome;
import io.coffer.common.Role;
import io.coffer.common.Tx;
import io.coffer.entity.Entities;
import io.coffer.entity.Entity;
import io.coffer.governance.ApprovalStep;
import io.coffer.governance.Rule;
import io.coffer.group.Group;
import io.coffer.group.GroupService;
import io.coffer.group.Groups;
import io.coffer.user.ApiUser;
import io.coffer.user.ApiUsers;
import io.coffer.user.UserStatus;
import io.coffer.whitelist.Whitelist;
import io.coffer.whitelist.Whitelists;
import io.coffer.workspace.Workspaces;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** The lookups and rules the administrative request handlers share. */
final class AdminChecks {

    /** A group names at most this many members (a rule step names at most 100 users too). */
    private static final int MAX_MEMBERS = 100;
    /** An entity holds at most this many accounts per request. */
    private static final int MAX_ACCOUNTS = 1000;

    final Groups groups;
    final Entities entities;
    final Whitelists whitelists;
    final Accounts accounts;
    final ApiUsers users;
    final Workspaces workspaces;

    AdminChecks(Groups groups, Entities entities, Whitelists whitelists, Accounts accounts, ApiUsers users,
                Workspaces workspaces) {
        this.groups = groups;
        this.entities = entities;
        this.whitelists = whitelists;
        this.accounts = accounts;
        this.users = users;
        this.workspaces = workspaces;
    }

    /** The single approval step of administrative requests: the active admins, with the workspace's quorum. */
    List<ApprovalStep> adminSteps(Tx tx, long workspaceId) {
        List<Long> admins = users.activeAdmins(tx, workspaceId);
        int quorum = Math.min(workspaces.adminQuorum(tx, workspaceId), admins.size());
        return List.of(new ApprovalStep(admins, Math.max(1, quorum), Optional.empty()));
    }

    /** Records a request as its target's latest. */
    void markRequested(Tx tx, TargetType type, long targetId, long requestId) {
        switch (type) {
            case GROUP -> groups.setLastRequest(tx, targetId, requestId);
            case WHITELIST -> whitelists.setLastRequest(tx, targetId, requestId);
            case ENTITY -> entities.setLastRequest(tx, targetId, requestId);
            case ACCOUNT -> accounts.setLastRequest(tx, targetId, requestId);
            case USER -> users.setLastRequest(tx, targetId, requestId);
            case ADMIN_GROUP -> {
                // the workspace itself: nothing records its latest request
            }
            case DIGESTS, FORCED_UNPLEDGE, MESSAGE, PLEDGE_INCREMENT, POLICY, REPLEDGE, TRADELINK,
                 TRADELINK_ASSET_MANAGER, TRADELINK_EXCHANGE, TRANSACTION ->
                    throw new IllegalArgumentException("not the target of an administrative request: " + type);
        }
    }

    Outcome<Group> activeGroup(Tx tx, long ws, long id) {
        return groups.find(tx, ws, id).filter(GroupService::usable).map(Outcome::ok)
                .orElseGet(() -> Outcome.invalid("no active group " + id + " in this workspace"));
    }

    Outcome<Whitelist> activeWhitelist(Tx tx, long ws, long id) {
        return whitelists.find(tx, ws, id).filter(list -> list.status() == ObjectStatus.ACTIVE).map(Outcome::ok)
                .orElseGet(() -> Outcome.invalid("no active whitelist " + id + " in this workspace"));
    }

    Outcome<Entity> activeEntity(Tx tx, long ws, long id) {
        return entities.find(tx, ws, id).filter(entity -> entity.status() == ObjectStatus.ACTIVE).map(Outcome::ok)
                .orElseGet(() -> Outcome.invalid("no active entity " + id + " in this workspace"));
    }

    Outcome<Account> activeAccount(Tx tx, long ws, long id) {
        return accounts.find(tx, ws, id).filter(account -> account.status() == AccountStatus.ACTIVE).map(Outcome::ok)
                .orElseGet(() -> Outcome.invalid("no active account " + id + " in this workspace"));
    }

    Outcome<ApiUser> user(Tx tx, long ws, long id) {
        return users.find(tx, ws, id).map(Outcome::ok)
                .orElseGet(() -> Outcome.invalid("no user " + id + " in this workspace"));
    }

    Outcome<Void> groupNameFree(Tx tx, long ws, String name, Optional<Long> except) {
        return groups.nameTaken(tx, ws, name, except.orElse(0L))
                ? Outcome.invalid("a group named '" + name + "' already exists") : Outcome.ok(null);
    }

    Outcome<Void> whitelistNameFree(Tx tx, long ws, String name, Optional<Long> except) {
        return whitelists.nameTaken(tx, ws, name, except.orElse(0L))
                ? Outcome.invalid("a whitelist named '" + name + "' already exists") : Outcome.ok(null);
    }

    Outcome<Void> entityNameFree(Tx tx, long ws, String name, Optional<Long> except) {
        return entities.nameTaken(tx, ws, name, except.orElse(0L))
                ? Outcome.invalid("an entity named '" + name + "' already exists") : Outcome.ok(null);
    }

    /** Members of a group: 1-100 distinct active users of the workspace. */
    Outcome<Void> members(Tx tx, long ws, List<Long> members) {
        if (members.isEmpty() || members.size() > MAX_MEMBERS) {
            return Outcome.invalid("members must name 1-" + MAX_MEMBERS + " users");
        }
        if (new HashSet<>(members).size() != members.size()) {
            return Outcome.invalid("members names a user twice");
        }
        List<Long> known = users.findAll(tx, ws, members).stream().filter(ApiUser::canAct).map(ApiUser::id).toList();
        for (Long member : members) {
            if (!known.contains(member)) {
                return Outcome.invalid("members: no active user " + member + " in this workspace");
            }
        }
        return Outcome.ok(null);
    }

    /** Accounts of an entity: distinct, of the workspace, owned by no other entity. */
    Outcome<Void> entityAccounts(Tx tx, long ws, List<Long> ids, long entityId) {
        if (ids.size() > MAX_ACCOUNTS) {
            return Outcome.invalid("accounts may name at most " + MAX_ACCOUNTS + " accounts");
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            return Outcome.invalid("accounts names an account twice");
        }
        for (Long id : ids) {
            if (accounts.find(tx, ws, id).isEmpty()) {
                return Outcome.invalid("accounts: no account " + id + " in this workspace");
            }
        }
        List<Long> taken = entities.ownedElsewhere(tx, ids, entityId);
        return taken.isEmpty() ? Outcome.ok(null) : Outcome.invalid("accounts " + taken + " already belong to another entity");
    }

    /** Whether every rule step that uses the group can still reach its quorum with this many members. */
    Outcome<Void> quorumsReachable(Tx tx, long groupId, int members) {
        List<Long> using = groups.accountsUsing(tx, groupId);
        for (var entry : accounts.rules(tx, using).entrySet()) {
            for (var set : entry.getValue()) {
                for (var rule : set.rules()) {
                    if (rule instanceof Rule.MultiAuthorizations multi) {
                        for (var step : multi.steps()) {
                            if (step instanceof Rule.GroupStep g && g.groupId() == groupId && g.quorum() > members) {
                                return Outcome.invalid("account " + entry.getKey() + " requires " + g.quorum()
                                        + " approvals from group " + groupId + ", which would have " + members + " members");
                            }
                        }
                    }
                }
            }
        }
        return Outcome.ok(null);
    }

    /** Whether the workspace keeps an active admin if this one goes. */
    boolean lastActiveAdmin(Tx tx, long ws, ApiUser user) {
        return user.role() == Role.ADMIN && user.status() == UserStatus.ACTIVE && users.activeAdmins(tx, ws).size() <= 1;
    }
}
