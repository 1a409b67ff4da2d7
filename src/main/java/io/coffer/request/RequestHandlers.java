package io.coffer.request;

import io.coffer.account.AccountService;
import io.coffer.account.Accounts;
import io.coffer.account.Memberships;
import io.coffer.compliance.ComplianceService;
import io.coffer.entity.Entities;
import io.coffer.group.Groups;
import io.coffer.staking.StakeLifecycle;
import io.coffer.transaction.SendService;
import io.coffer.transaction.Transactions;
import io.coffer.user.ApiUsers;
import io.coffer.user.UserService;
import io.coffer.whitelist.WhitelistService;
import io.coffer.whitelist.Whitelists;
import io.coffer.workspace.Workspaces;
import io.coffer.common.Tx;
import java.time.Instant;
import java.util.Optional;

/**
 * The handler of each request type, chosen by one exhaustive switch: a new {@link RequestType}
 * does not compile until someone decides how it is handled (or that it is not supported).
 */
public final class RequestHandlers {

    private final SendHandler send;
    private final RequestHandler<?> transaction;
    private final CreateGroupHandler createGroup;
    private final EditGroupHandler editGroup;
    private final RevokeGroupHandler revokeGroup;
    private final CreateWhitelistHandler createWhitelist;
    private final EditWhitelistHandler editWhitelist;
    private final CreateEntityHandler createEntity;
    private final EditEntityHandler editEntity;
    private final RevokeEntityHandler revokeEntity;
    private final CreateAccountHandler createAccount;
    private final EditAccountHandler editAccount;
    private final CreateUserHandler createUser;
    private final RevokeUserHandler revokeUser;
    private final ReplaceApprovalKeyHandler replaceApprovalKey;
    private final UpdateQuorumHandler updateQuorum;
    private final MessageSigningHandler messageSigning;
    private final SignDigestsHandler signDigests;
    private final PledgeIncrementHandler pledgeIncrement;
    private final ForcedUnpledgeHandler forcedUnpledge;
    private final Accounts accounts;

    /** Builds every handler over the storage ports and services they need. */
    public RequestHandlers(Requests requests, Accounts accounts, AccountService accountService, ApiUsers users,
                           UserService userService, Groups groups, Entities entities, Whitelists whitelists,
                           WhitelistService whitelistRules, Workspaces workspaces, Memberships memberships,
                           SendService sends, Transactions transactions, ComplianceService compliance,
                           io.coffer.signing.SigningService signing, io.coffer.tradelink.PledgeChanges pledgeChanges) {
        this(requests, accounts, accountService, users, userService, groups, entities, whitelists, whitelistRules,
                workspaces, memberships, sends, transactions, compliance, signing, pledgeChanges, Optional.empty());
    }

    /** @param staking the staking transactions' life, when the server stakes */
    public RequestHandlers(Requests requests, Accounts accounts, AccountService accountService, ApiUsers users,
                           UserService userService, Groups groups, Entities entities, Whitelists whitelists,
                           WhitelistService whitelistRules, Workspaces workspaces, Memberships memberships,
                           SendService sends, Transactions transactions, ComplianceService compliance,
                           io.coffer.signing.SigningService signing, io.coffer.tradelink.PledgeChanges pledgeChanges,
                           Optional<StakeLifecycle> staking) {
        this.accounts = accounts;
        AdminChecks checks = new AdminChecks(groups, entities, whitelists, accounts, users, workspaces);
        this.send = new SendHandler(accounts, users, groups, whitelists, whitelistRules, sends, transactions,
                compliance);
        this.transaction = staking.<RequestHandler<?>>map(lifecycle -> new TransactionRequestHandler(send,
                new StakeHandler(send, lifecycle, accounts, transactions), lifecycle)).orElse(send);
        this.createGroup = new CreateGroupHandler(checks, requests);
        this.editGroup = new EditGroupHandler(checks, requests, memberships);
        this.revokeGroup = new RevokeGroupHandler(checks, requests, memberships);
        this.createWhitelist = new CreateWhitelistHandler(checks, requests, whitelistRules, compliance);
        this.editWhitelist = new EditWhitelistHandler(checks, requests, whitelistRules, compliance);
        this.createEntity = new CreateEntityHandler(checks, requests, memberships);
        this.editEntity = new EditEntityHandler(checks, requests, memberships);
        this.revokeEntity = new RevokeEntityHandler(checks, requests, memberships);
        this.createAccount = new CreateAccountHandler(checks, requests, accountService, memberships);
        this.editAccount = new EditAccountHandler(checks, requests, accountService);
        this.createUser = new CreateUserHandler(checks, requests, userService);
        this.revokeUser = new RevokeUserHandler(checks, requests);
        this.replaceApprovalKey = new ReplaceApprovalKeyHandler(checks, requests);
        this.updateQuorum = new UpdateQuorumHandler(checks, requests);
        AccountSteps accountSteps = new AccountSteps(send);
        this.messageSigning = new MessageSigningHandler(signing, accountSteps);
        this.signDigests = new SignDigestsHandler(signing, accountSteps);
        this.pledgeIncrement = new PledgeIncrementHandler(pledgeChanges, send);
        this.forcedUnpledge = new ForcedUnpledgeHandler(pledgeChanges, send);
    }

    /** The handler of a request type, or empty when Coffer does not handle that type. */
    Optional<RequestHandler<?>> of(RequestType type) {
        return Optional.ofNullable(switch (type) {
            case CREATE_TRANSACTION -> transaction;
            case CREATE_GROUP -> createGroup;
            case EDIT_GROUP -> editGroup;
            case REVOKE_GROUP -> revokeGroup;
            case CREATE_WHITELIST -> createWhitelist;
            case EDIT_WHITELIST -> editWhitelist;
            case CREATE_ENTITY -> createEntity;
            case EDIT_ENTITY -> editEntity;
            case REVOKE_ENTITY -> revokeEntity;
            case CREATE_ACCOUNT -> createAccount;
            case EDIT_ACCOUNT -> editAccount;
            case CREATE_API_USER, CREATE_OPERATOR -> createUser;
            case REVOKE_USER -> revokeUser;
            case MIGRATE_ADMIN, MIGRATE_OPERATOR -> replaceApprovalKey;
            case UPDATE_QUORUM -> updateQuorum;
            case MESSAGE_SIGNING -> messageSigning;
            case SIGN_DIGESTS -> signDigests;
            case CREATE_PLEDGE_INCREMENT -> pledgeIncrement;
            case CREATE_FORCED_UNPLEDGE -> forcedUnpledge;
            case ACTIVATE, CREATE_ADMIN, CREATE_ADMIN_GROUP, CREATE_API_USER_ACCESS, CREATE_DAPPS_CONFIG,
                 CREATE_POLICY, CREATE_REPLEDGE, CREATE_TRADELINK,
                 CREATE_TRADELINK_ASSET_MANAGER, CREATE_TRADELINK_EXCHANGE, EDIT_ADMIN_GROUP, EDIT_DAPPS_CONFIG,
                 EDIT_POLICY, MIGRATE_ACCOUNT, MIGRATE_GROUP, MIGRATE_WHITELIST -> null;
        });
    }

    /** The event an applied request produces about its target, if its type has one. */
    Optional<io.coffer.event.Event> appliedEvent(Tx tx, Request done, Instant now) {
        return AppliedEvents.of(done.type()).map(type -> type.kind() == io.coffer.event.ObjectKind.ACCOUNT
                ? io.coffer.event.Event.account(done.workspaceId(), type, done.targetId(),
                        accounts.find(tx, done.workspaceId(), done.targetId()).orElseThrow().type().name(), now)
                : io.coffer.event.Event.of(done.workspaceId(), type, done.targetId(), Optional.empty(), now));
    }
}
