package io.coffer.request;

import io.coffer.account.Account;
import io.coffer.account.AccountService;
import io.coffer.account.AccountStatus;
import io.coffer.account.Accounts;
import io.coffer.account.Memberships;
import io.coffer.common.Caller;
import io.coffer.common.ObjectStatus;
import io.coffer.common.Outcome;
import io.coffer.common.Role;
import io.coffer.common.Tx;
import io.coffer.entity.Entities;
import io.coffer.entity.Entity;
import io.coffer.entity.EntityService;
import io.coffer.governance.ApprovalStep;
import io.coffer.group.Group;
import io.coffer.group.GroupService;
import io.coffer.group.Groups;
import io.coffer.user.ApiUser;
import io.coffer.user.ApiUsers;
import io.coffer.user.UserService;
import io.coffer.user.UserStatus;
import io.coffer.whitelist.Whitelist;
import io.coffer.whitelist.WhitelistService;
import io.coffer.whitelist.Whitelists;
import io.coffer.workspace.Workspaces;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * What administrative requests do to a workspace. {@link #prepare} checks a change when it is
 * requested (and writes the pending object a creation targets), {@link #apply} carries it out
 * when the admins' quorum approves, {@link #abort} marks a pending creation rejected. Each runs in
 * the request's transaction.
 */
public final class AdminRequests {

    private static final int MAX_MEMBERS = 100;
    private static final int MAX_ACCOUNTS = 1000;

    private final Groups groups;
    private final Entities entities;
    private final Whitelists whitelists;
    private final WhitelistService whitelistChecks;
    private final Accounts accounts;
    private final AccountService accountService;
    private final ApiUsers users;
    private final UserService userService;
    private final Workspaces workspaces;
    private final Memberships memberships;

    public AdminRequests(Groups groups, Entities entities, Whitelists whitelists, WhitelistService whitelistChecks,
                         Accounts accounts, AccountService accountService, ApiUsers users, UserService userService,
                         Workspaces workspaces, Memberships memberships) {
        this.groups = groups;
        this.entities = entities;
        this.whitelists = whitelists;
        this.whitelistChecks = whitelistChecks;
        this.accounts = accounts;
        this.accountService = accountService;
        this.users = users;
        this.userService = userService;
        this.workspaces = workspaces;
        this.memberships = memberships;
    }

    /** The single approval step of administrative requests: the active admins, with the workspace's quorum. */
    public List<ApprovalStep> steps(Tx tx, long workspaceId) {
        List<Long> admins = users.activeAdmins(tx, workspaceId);
        int quorum = Math.min(workspaces.adminQuorum(tx, workspaceId), admins.size());
        return List.of(new ApprovalStep(admins, Math.max(1, quorum), Optional.empty()));
    }

    /** Checks the change and returns its target's id, writing the pending target of a creation. */
    public Outcome<Long> prepare(Tx tx, Caller caller, AdminChange change, Instant now) {
        long ws = caller.workspaceId();
        return switch (change) {
            case AdminChange.CreateGroup c -> GroupService.checkText(c.name(), c.description())
                    .flatMap(ok -> groupNameFree(tx, ws, c.name(), 0))
                    .flatMap(ok -> checkMembers(tx, ws, c.members()))
                    .map(ok -> groups.create(tx, ws, c.name(), c.description(), c.members(), ObjectStatus.PENDING,
                            caller.userId(), now));
            case AdminChange.EditGroup e -> activeGroup(tx, ws, e.groupId()).flatMap(group -> {
                if (e.name().isEmpty() && e.description().isEmpty() && e.members().isEmpty()) {
                    return Outcome.invalid("an EDIT_GROUP request needs name, description or members");
                }
                return GroupService.checkText(e.name().orElse(group.name()), e.description().orElse(group.description()))
                        .flatMap(ok -> groupNameFree(tx, ws, e.name().orElse(group.name()), group.id()))
                        .flatMap(ok -> e.members().map(members -> checkMembers(tx, ws, members)
                                .flatMap(fine -> quorumsStillReachable(tx, ws, group.id(), members.size())))
                                .orElse(Outcome.ok(null)))
                        .map(ok -> group.id());
            });
            case AdminChange.RevokeGroup r -> activeGroup(tx, ws, r.groupId()).flatMap(group -> {
                List<Long> using = groups.accountsUsing(tx, group.id());
                return using.isEmpty() ? Outcome.ok(group.id())
                        : Outcome.invalid("group " + group.id() + " is used by the rules of accounts " + using
                                + "; change those rules first");
            });
            case AdminChange.CreateWhitelist c -> whitelistChecks.check(c.name(), c.description(), c.addresses())
                    .flatMap(ok -> whitelistNameFree(tx, ws, c.name(), 0))
                    .map(ok -> whitelists.create(tx, ws, c.name(), c.description(), c.addresses(), ObjectStatus.PENDING,
                            caller.userId(), now));
            case AdminChange.EditWhitelist e -> activeWhitelist(tx, ws, e.whitelistId()).flatMap(list -> {
                if (e.name().isEmpty() && e.description().isEmpty() && e.addresses().isEmpty()) {
                    return Outcome.invalid("an EDIT_WHITELIST request needs name, description or addresses");
                }
                return whitelistChecks.check(e.name().orElse(list.name()), e.description().or(list::description),
                                e.addresses().orElse(list.addresses()))
                        .flatMap(ok -> whitelistNameFree(tx, ws, e.name().orElse(list.name()), list.id()))
                        .map(ok -> list.id());
            });
            case AdminChange.CreateEntity c -> EntityService.checkName(c.name())
                    .flatMap(ok -> entityNameFree(tx, ws, c.name(), 0))
                    .flatMap(ok -> checkAccounts(tx, ws, c.accounts(), 0))
                    .map(ok -> entities.create(tx, ws, c.name(), ObjectStatus.PENDING, caller.userId(), now));
            case AdminChange.EditEntity e -> activeEntity(tx, ws, e.entityId()).flatMap(entity -> {
                if (e.name().isEmpty() && e.accounts().isEmpty()) {
                    return Outcome.invalid("an EDIT_ENTITY request needs name or accounts");
                }
                return EntityService.checkName(e.name().orElse(entity.name()))
                        .flatMap(ok -> entityNameFree(tx, ws, e.name().orElse(entity.name()), entity.id()))
                        .flatMap(ok -> checkAccounts(tx, ws, e.accounts().orElse(List.of()), entity.id()))
                        .map(ok -> entity.id());
            });
            case AdminChange.RevokeEntity r -> activeEntity(tx, ws, r.entityId()).map(Entity::id);
            case AdminChange.CreateAccount c -> {
                if (c.entity().isPresent() && activeEntity(tx, ws, c.entity().get()) instanceof Outcome.Failed<Entity> f) {
                    yield Outcome.failed(f.problem());
                }
                yield accountService.open(tx, caller, c.account(), AccountStatus.PENDING, now)
                        .map(details -> details.account().id());
            }
            case AdminChange.EditAccount e -> activeAccount(tx, ws, e.accountId()).flatMap(account -> {
                if (e.name().isEmpty() && e.rules().isEmpty()) {
                    return Outcome.invalid("an EDIT_ACCOUNT request needs name or governance_rules");
                }
                Outcome<?> checked = e.name().<Outcome<?>>map(name -> accountService.checkName(tx, ws, name, account.id()))
                        .orElse(Outcome.ok(null));
                if (checked instanceof Outcome.Failed<?> failed) {
                    return Outcome.failed(failed.problem());
                }
                return e.rules().<Outcome<?>>map(rules -> accountService.checkRules(tx, ws, rules)).orElse(Outcome.ok(null))
                        .map(ok -> account.id());
            });
            case AdminChange.CreateUser c -> userService.create(tx, ws, new UserService.UserRequest(c.username(), c.role(),
                    c.viewAll(), Optional.of(c.publicKey())), Optional.of(caller.userId()), now, UserStatus.PENDING_APPROVAL)
                    .map(created -> created.id());
            case AdminChange.RevokeUser r -> users.find(tx, ws, r.userId())
                    .map(user -> revocable(tx, caller, user).map(ok -> user.id()))
                    .orElseGet(() -> Outcome.invalid("no user " + r.userId() + " in this workspace"));
            case AdminChange.UpdateQuorum q -> {
                int admins = users.activeAdmins(tx, ws).size();
                yield q.quorum() >= 1 && q.quorum() <= admins ? Outcome.ok(ws)
                        : Outcome.invalid("quorum must be between 1 and the " + admins + " active admins");
            }
        };
    }

    /** Records the request as the target's latest. */
    public void markRequested(Tx tx, AdminChange change, long targetId, long requestId) {
        switch (change.targetType()) {
            case GROUP -> groups.setLastRequest(tx, targetId, requestId);
            case WHITELIST -> whitelists.setLastRequest(tx, targetId, requestId);
            case ENTITY -> entities.setLastRequest(tx, targetId, requestId);
            case ACCOUNT -> accounts.setLastRequest(tx, targetId, requestId);
            case USER -> users.setLastRequest(tx, targetId, requestId);
            default -> {
            }
        }
    }

    /**
     * Carries out an approved change, after checking again, under the workspace's lock, what may
     * have changed since it was requested (another request approved in between, a user revoked, a
     * name taken). A change that no longer holds is refused and nothing is written: the approving
     * vote fails with the reason, and the request can still be rejected or left to expire.
     */
    public Outcome<Void> apply(Tx tx, long ws, AdminChange change, long targetId) {
        workspaces.lock(tx, ws);
        Outcome<Void> stillValid = recheck(tx, ws, change, targetId);
        if (!stillValid.isOk()) {
            return stillValid;
        }
        switch (change) {
            case AdminChange.CreateGroup c -> groups.setStatus(tx, targetId, ObjectStatus.ACTIVE);
            case AdminChange.EditGroup e -> {
                Group group = groups.find(tx, ws, targetId).orElseThrow();
                groups.update(tx, targetId, e.name().orElse(group.name()), e.description().orElse(group.description()),
                        e.members().orElse(group.members()));
                memberships.refresh(tx, ws);
            }
            case AdminChange.RevokeGroup r -> {
                groups.setStatus(tx, targetId, ObjectStatus.REVOKED);
                memberships.refresh(tx, ws);
            }
            case AdminChange.CreateWhitelist c -> whitelists.setStatus(tx, targetId, ObjectStatus.ACTIVE);
            case AdminChange.EditWhitelist e -> {
                Whitelist list = whitelists.find(tx, ws, targetId).orElseThrow();
                whitelists.update(tx, targetId, e.name().orElse(list.name()), e.description().or(list::description),
                        e.addresses().orElse(list.addresses()));
            }
            case AdminChange.CreateEntity c -> {
                entities.setStatus(tx, targetId, ObjectStatus.ACTIVE);
                entities.assignAccounts(tx, targetId, stillFree(tx, c.accounts(), targetId));
                memberships.refresh(tx, ws);
            }
            case AdminChange.EditEntity e -> {
                e.name().ifPresent(name -> entities.rename(tx, targetId, name));
                e.accounts().ifPresent(list -> entities.assignAccounts(tx, targetId, stillFree(tx, list, targetId)));
                memberships.refresh(tx, ws);
            }
            case AdminChange.RevokeEntity r -> {
                entities.setStatus(tx, targetId, ObjectStatus.REVOKED);
                entities.assignAccounts(tx, targetId, List.of());
                memberships.refresh(tx, ws);
            }
            case AdminChange.CreateAccount c -> {
                accountService.setStatus(tx, targetId, AccountStatus.ACTIVE);
                Optional<Entity> entity = c.entity().flatMap(id -> entities.find(tx, ws, id))
                        .filter(found -> found.status() == ObjectStatus.ACTIVE);
                if (entity.isPresent() && entities.ownedElsewhere(tx, List.of(targetId), entity.get().id()).isEmpty()) {
                    List<Long> owned = new java.util.ArrayList<>(entity.get().accounts());
                    owned.add(targetId);
                    entities.assignAccounts(tx, entity.get().id(), owned);
                }
                memberships.refresh(tx, ws);
            }
            case AdminChange.EditAccount e -> accountService.applyEdit(tx, accounts.find(tx, ws, targetId).orElseThrow(),
                    e.name().map(String::strip), e.rules());
            case AdminChange.CreateUser c -> users.setStatus(tx, targetId, UserStatus.ACTIVE);
            case AdminChange.RevokeUser r -> users.setStatus(tx, targetId, UserStatus.REVOKED);
            case AdminChange.UpdateQuorum q -> workspaces.setAdminQuorum(tx, ws,
                    Math.min(q.quorum(), Math.max(1, users.activeAdmins(tx, ws).size())));
        }
        return Outcome.ok(null);
    }

    /** What must still hold when a change is applied. */
    private Outcome<Void> recheck(Tx tx, long ws, AdminChange change, long targetId) {
        return switch (change) {
            case AdminChange.EditGroup e -> activeGroup(tx, ws, targetId).flatMap(group ->
                    groupNameFree(tx, ws, e.name().orElse(group.name()), targetId)
                            .flatMap(ok -> e.members().map(members -> checkMembers(tx, ws, members)
                                    .flatMap(fine -> quorumsStillReachable(tx, ws, targetId, members.size())))
                                    .orElse(Outcome.ok(null))));
            case AdminChange.RevokeGroup r -> {
                List<Long> using = groups.accountsUsing(tx, targetId);
                yield using.isEmpty() ? Outcome.ok(null)
                        : Outcome.invalid("group " + targetId + " is now used by the rules of accounts " + using);
            }
            case AdminChange.EditWhitelist e -> activeWhitelist(tx, ws, targetId).flatMap(list ->
                    whitelistNameFree(tx, ws, e.name().orElse(list.name()), targetId));
            case AdminChange.EditEntity e -> activeEntity(tx, ws, targetId).flatMap(entity ->
                    entityNameFree(tx, ws, e.name().orElse(entity.name()), targetId));
            case AdminChange.RevokeEntity r -> activeEntity(tx, ws, targetId).map(entity -> null);
            case AdminChange.EditAccount e -> activeAccount(tx, ws, targetId).flatMap(account -> {
                Outcome<?> named = e.name().<Outcome<?>>map(name -> accountService.checkName(tx, ws, name, targetId))
                        .orElse(Outcome.ok(null));
                if (named instanceof Outcome.Failed<?> failed) {
                    return Outcome.failed(failed.problem());
                }
                return e.rules().<Outcome<?>>map(rules -> accountService.checkRules(tx, ws, rules))
                        .orElse(Outcome.ok(null)).map(ok -> null);
            });
            case AdminChange.RevokeUser r -> users.find(tx, ws, targetId).map(user -> {
                if (user.status() == UserStatus.REVOKED) {
                    return Outcome.<Void>invalid("user " + targetId + " is already REVOKED");
                }
                boolean lastAdmin = user.role() == Role.ADMIN && user.status() == UserStatus.ACTIVE
                        && users.activeAdmins(tx, ws).size() <= 1;
                return lastAdmin ? Outcome.<Void>invalid("user " + targetId + " is now the last active admin")
                        : Outcome.<Void>ok(null);
            }).orElseGet(() -> Outcome.invalid("no user " + targetId + " in this workspace"));
            default -> Outcome.ok(null);
        };
    }

    /** Whether every rule step that uses the group can still reach its quorum with this many members. */
    private Outcome<Void> quorumsStillReachable(Tx tx, long ws, long groupId, int members) {
        List<Long> using = groups.accountsUsing(tx, groupId);
        for (var entry : accounts.rules(tx, using).entrySet()) {
            for (var set : entry.getValue()) {
                for (var rule : set.rules()) {
                    if (rule instanceof io.coffer.governance.Rule.MultiAuthorizations multi) {
                        for (var step : multi.steps()) {
                            if (step instanceof io.coffer.governance.Rule.GroupStep g && g.groupId() == groupId
                                    && g.quorum() > members) {
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

    /** A rejected or expired request: a pending creation becomes rejected; other targets stay as they were. */
    public void abort(Tx tx, long ws, AdminChange change, long targetId) {
        switch (change) {
            case AdminChange.CreateGroup c -> groups.setStatus(tx, targetId, ObjectStatus.REJECTED);
            case AdminChange.CreateWhitelist c -> whitelists.setStatus(tx, targetId, ObjectStatus.REJECTED);
            case AdminChange.CreateEntity c -> entities.setStatus(tx, targetId, ObjectStatus.REJECTED);
            case AdminChange.CreateAccount c -> accountService.reject(tx, ws, targetId);
            case AdminChange.CreateUser c -> users.setStatus(tx, targetId, UserStatus.REJECTED);
            default -> {
            }
        }
    }

    private Outcome<Void> revocable(Tx tx, Caller caller, ApiUser user) {
        if (user.status() == UserStatus.REVOKED || user.status() == UserStatus.REJECTED) {
            return Outcome.invalid("user " + user.id() + " is already " + user.status());
        }
        if (user.id() == caller.userId()) {
            return Outcome.invalid("an admin cannot request its own revocation");
        }
        if (user.role() == Role.ADMIN && user.status() == UserStatus.ACTIVE && users.activeAdmins(tx, caller.workspaceId()).size() <= 1) {
            return Outcome.invalid("user " + user.id() + " is the last active admin");
        }
        return Outcome.ok(null);
    }

    private Outcome<Void> checkMembers(Tx tx, long ws, List<Long> members) {
        if (members.isEmpty() || members.size() > MAX_MEMBERS) {
            return Outcome.invalid("members must name 1-" + MAX_MEMBERS + " users");
        }
        if (new HashSet<>(members).size() != members.size()) {
            return Outcome.invalid("members names a user twice");
        }
        List<Long> known = users.findAll(tx, ws, members).stream()
                .filter(ApiUser::canAct).map(ApiUser::id).toList();
        for (Long member : members) {
            if (!known.contains(member)) {
                return Outcome.invalid("members: no active user " + member + " in this workspace");
            }
        }
        return Outcome.ok(null);
    }

    private Outcome<Void> checkAccounts(Tx tx, long ws, List<Long> ids, long entityId) {
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
        return taken.isEmpty() ? Outcome.ok(null)
                : Outcome.invalid("accounts " + taken + " already belong to another entity");
    }

    private List<Long> stillFree(Tx tx, List<Long> ids, long entityId) {
        List<Long> taken = entities.ownedElsewhere(tx, ids, entityId);
        return ids.stream().filter(id -> !taken.contains(id)).toList();
    }

    private Outcome<Group> activeGroup(Tx tx, long ws, long id) {
        return groups.find(tx, ws, id).filter(GroupService::usable).map(Outcome::ok)
                .orElseGet(() -> Outcome.invalid("no active group " + id + " in this workspace"));
    }

    private Outcome<Whitelist> activeWhitelist(Tx tx, long ws, long id) {
        return whitelists.find(tx, ws, id).filter(list -> list.status() == ObjectStatus.ACTIVE).map(Outcome::ok)
                .orElseGet(() -> Outcome.invalid("no active whitelist " + id + " in this workspace"));
    }

    private Outcome<Entity> activeEntity(Tx tx, long ws, long id) {
        return entities.find(tx, ws, id).filter(entity -> entity.status() == ObjectStatus.ACTIVE).map(Outcome::ok)
                .orElseGet(() -> Outcome.invalid("no active entity " + id + " in this workspace"));
    }

    private Outcome<Account> activeAccount(Tx tx, long ws, long id) {
        return accounts.find(tx, ws, id).filter(account -> account.status() == AccountStatus.ACTIVE).map(Outcome::ok)
                .orElseGet(() -> Outcome.invalid("no active account " + id + " in this workspace"));
    }

    private Outcome<Void> groupNameFree(Tx tx, long ws, String name, long except) {
        return groups.nameTaken(tx, ws, name, except) ? Outcome.invalid("a group named '" + name + "' already exists")
                : Outcome.ok(null);
    }

    private Outcome<Void> whitelistNameFree(Tx tx, long ws, String name, long except) {
        return whitelists.nameTaken(tx, ws, name, except) ? Outcome.invalid("a whitelist named '" + name + "' already exists")
                : Outcome.ok(null);
    }

    private Outcome<Void> entityNameFree(Tx tx, long ws, String name, long except) {
        return entities.nameTaken(tx, ws, name, except) ? Outcome.invalid("an entity named '" + name + "' already exists")
                : Outcome.ok(null);
    }
}
