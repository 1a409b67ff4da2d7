package io.coffer.account;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import io.coffer.common.UnitOfWork;
import io.coffer.event.Event;
import io.coffer.event.EventType;
import io.coffer.event.Outbox;
import io.coffer.currency.Currency;
import io.coffer.currency.CurrencyCatalog;
import io.coffer.common.ObjectStatus;
import io.coffer.currency.Token;
import io.coffer.group.GroupService;
import io.coffer.group.Groups;
import io.coffer.label.Labels;
import io.coffer.whitelist.Whitelists;
import io.coffer.governance.Rule;
import io.coffer.governance.RuleSet;
import io.coffer.governance.RuleSetDraft;
import io.coffer.governance.RuleValidation;
import io.coffer.keys.AccountKeys;
import io.coffer.ledger.Balance;
import io.coffer.ledger.LedgerService;
import io.coffer.user.ApiUser;
import io.coffer.user.ApiUsers;
import io.coffer.workspace.WorkspaceService;
import io.coffer.workspace.Workspaces;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Opens accounts and answers what the API shows of them. A coin account gets the next index of
 * its currency and keys derived from the workspace seed; a token account shares its parent's key
 * and address. Accounts the caller may not see are reported as not found.
 */
public final class AccountService {

    private static final int MAX_NAME = 128;

    private final UnitOfWork unitOfWork;
    private final Accounts accounts;
    private final ApiUsers users;
    private final Workspaces workspaces;
    private final WorkspaceService workspaceService;
    private final LedgerService ledger;
    private final CurrencyCatalog catalog;
    private final InstantSource clock;
    private final Memberships memberships;
    private final Groups groups;
    private final Whitelists whitelists;
    private final Labels labels;
    private final Outbox outbox;

    public AccountService(UnitOfWork unitOfWork, Accounts accounts, ApiUsers users, Workspaces workspaces,
                          WorkspaceService workspaceService, LedgerService ledger, CurrencyCatalog catalog,
                          InstantSource clock, Memberships memberships, Groups groups, Whitelists whitelists,
                          Labels labels, Outbox outbox) {
        this.outbox = outbox;
        this.memberships = memberships;
        this.groups = groups;
        this.whitelists = whitelists;
        this.labels = labels;
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.users = users;
        this.workspaces = workspaces;
        this.workspaceService = workspaceService;
        this.ledger = ledger;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Opens an active account at once (the sandbox). */
    public Outcome<AccountDetails> create(Caller caller, NewAccountRequest request) {
        Instant now = caller.clock(clock).now();
        return unitOfWork.write(tx -> open(tx, caller, request, AccountStatus.ACTIVE, now).map(opened -> {
            outbox.record(tx, Event.account(caller.workspaceId(), EventType.NEW_ACCOUNT_HAS_BEEN_CREATED,
                    opened.account().id(), opened.account().type().name(), now));
            return opened;
        }));
    }

    /**
     * Opens an account inside a transaction someone else runs: {@code ACTIVE} at once, or
     * {@code PENDING} while a request to create it waits for approval.
     */
    public Outcome<AccountDetails> open(Tx tx, Caller caller, NewAccountRequest request, AccountStatus status, Instant now) {
        String name = request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            return Outcome.invalid("name must be 1-" + MAX_NAME + " printable characters");
        }
        Optional<Currency> currency = catalog.currency(request.currency());
        if (currency.isEmpty()) {
            return Outcome.invalid("unknown currency '" + request.currency() + "'");
        }
        if (currency.get().fiat()) {
            return Outcome.invalid("accounts cannot hold the fiat currency " + request.currency());
        }
        if (request.contractAddress().isPresent() != request.parent().isPresent()) {
            return Outcome.invalid("a token account needs both parent and contract_address");
        }
        workspaces.lock(tx, caller.workspaceId());
        if (accounts.nameTaken(tx, caller.workspaceId(), name)) {
            return Outcome.invalid("an account named '" + name + "' already exists");
        }
        Outcome<Account> account = request.parent().isPresent()
                ? tokenAccount(tx, caller, name, currency.get(), request.parent().get(), request.contractAddress().get(), now)
                : coinAccount(tx, caller, name, currency.get(), now);
        return account.map(opened -> withStatus(opened, status))
                .flatMap(opened -> rulesFor(tx, caller, opened, request.rules()).map(rules -> store(tx, opened, rules)));
    }

    /** Checks rule sets against what the workspace holds now: active users, groups and whitelists. */
    public Outcome<List<RuleSetDraft>> checkRules(Tx tx, long workspaceId, List<RuleSetDraft> drafts) {
        Set<Long> named = RuleSetDraft.namedUsers(drafts);
        Set<Long> known = users.findAll(tx, workspaceId, List.copyOf(named)).stream()
                .filter(ApiUser::canAct)
                .map(ApiUser::id).collect(Collectors.toSet());
        Map<Long, Integer> groupSizes = new java.util.HashMap<>();
        Set<Long> lists = new HashSet<>();
        for (RuleSetDraft draft : drafts) {
            for (RuleSetDraft.RuleDraft rule : draft.rules()) {
                if (rule instanceof RuleSetDraft.RuleDraft.Threshold threshold) {
                    for (Rule.Range range : threshold.ranges()) {
                        if (catalog.currency(range.currencyType()).isEmpty()) {
                            return Outcome.invalid("governance_rules: THRESHOLD currency_type '" + range.currencyType()
                                    + "' is not a currency of GET /currencies");
                        }
                    }
                }
                if (rule instanceof RuleSetDraft.RuleDraft.MultiAuthorizations multi) {
                    for (Rule.Step step : multi.steps()) {
                        if (step instanceof Rule.GroupStep group) {
                            groups.find(tx, workspaceId, group.groupId()).filter(GroupService::usable)
                                    .ifPresent(found -> groupSizes.put(found.id(), found.members().size()));
                        }
                    }
                } else if (rule instanceof RuleSetDraft.RuleDraft.Whitelist list) {
                    whitelists.findAll(tx, workspaceId, list.whitelistIds()).stream()
                            .filter(found -> found.status() == ObjectStatus.ACTIVE)
                            .forEach(found -> lists.add(found.id()));
                }
            }
        }
        return RuleValidation.validate(drafts, new RuleValidation.Known(known, groupSizes, lists));
    }

    /** Checks a new name for an account (unique in the workspace, printable). */
    public Outcome<String> checkName(Tx tx, long workspaceId, String requested, long exceptAccountId) {
        String name = requested.strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            return Outcome.invalid("name must be 1-" + MAX_NAME + " printable characters");
        }
        Optional<Long> holder = accounts.idByName(tx, workspaceId, name);
        if (holder.isPresent() && holder.get() != exceptAccountId) {
            return Outcome.invalid("an account named '" + name + "' already exists");
        }
        return Outcome.ok(name);
    }

    /** Applies an approved edit: a new name and/or new rules (requests in flight keep the steps they were given). */
    public void applyEdit(Tx tx, Account account, Optional<String> name, Optional<List<RuleSetDraft>> rules) {
        name.ifPresent(newName -> accounts.rename(tx, account.id(), newName));
        if (rules.isPresent()) {
            accounts.replaceRules(tx, account.id(), rules.get());
            memberships.refresh(tx, account.workspaceId());
        }
    }

    public void setStatus(Tx tx, long accountId, AccountStatus status) {
        accounts.setStatus(tx, accountId, status);
    }

    /** A requested account that was not approved: rejected, its rules withdrawn, nobody governs it. */
    public void reject(Tx tx, long workspaceId, long accountId) {
        accounts.setStatus(tx, accountId, AccountStatus.REJECTED);
        accounts.replaceRules(tx, accountId, List.of());
        memberships.refresh(tx, workspaceId);
    }

    /** The labels of an account the caller may see. */
    public Outcome<List<io.coffer.label.Label>> labels(Caller caller, long accountId) {
        return unitOfWork.read(tx -> accounts.findVisible(tx, caller, accountId)
                .map(account -> Outcome.ok(labels.ofAccounts(tx, List.of(accountId)).getOrDefault(accountId, List.of())))
                .orElseGet(() -> notFound(accountId)));
    }

    private static Account withStatus(Account a, AccountStatus status) {
        return new Account(a.id(), a.workspaceId(), a.name(), a.currency(), a.contractAddress(), a.parentId(), a.index(),
                a.type(), status, a.derivationPath(), a.address(), a.freshIndex(), a.xpub(), a.createdBy(), a.createdOn());
    }

    public Outcome<AccountDetails> get(Caller caller, long accountId) {
        return unitOfWork.read(tx -> accounts.findVisible(tx, caller, accountId)
                .map(account -> Outcome.ok(details(tx, List.of(account)).getFirst()))
                .orElseGet(() -> notFound(accountId)));
    }

    public Page<AccountDetails> search(Caller caller, AccountFilter filter, PageRequest page) {
        return unitOfWork.read(tx -> {
            Page<Account> found = accounts.search(tx, caller, filter, page);
            return new Page<>(details(tx, found.items()), found.total(), found.hasNext());
        });
    }

    /** An account the caller may see, without its rules and balance. */
    public Outcome<Account> find(Caller caller, long accountId) {
        return unitOfWork.read(tx -> accounts.findVisible(tx, caller, accountId)
                .map(Outcome::ok)
                .orElseGet(() -> notFound(accountId)));
    }

    public Currency currencyOf(Account account) {
        return catalog.currency(account.currency()).orElseThrow(
                () -> new IllegalStateException("account " + account.id() + " has unknown currency " + account.currency()));
    }

    public Optional<Token> tokenOf(Account account) {
        return account.contractAddress().flatMap(contract -> catalog.token(account.currency(), contract));
    }

    /** A signed JWT for the account's current address. */
    public Outcome<String> signedAddress(Caller caller, long accountId) {
        return unitOfWork.read(tx -> accounts.findVisible(tx, caller, accountId)
                .map(account -> Outcome.ok(sign(caller, account, currentAddress(tx, account))))
                .orElseGet(() -> notFound(accountId)));
    }

    /** A signed JWT for a receive (change 0) or change (change 1) address of a UTXO account. */
    public Outcome<String> signedAddressAt(Caller caller, long accountId, int change, int index) {
        return find(caller, accountId).flatMap(account -> {
            if (!currencyOf(account).utxo()) {
                return Outcome.invalid("account " + accountId + " is not UTXO based: use /accounts/{id}/address");
            }
            return Outcome.ok(sign(caller, account, addressAt(account, change, index)));
        });
    }

    /** The receive addresses handed out so far (deprecated endpoint). */
    public Outcome<List<AccountAddress>> receiveAddresses(Caller caller, long accountId) {
        return find(caller, accountId).map(account -> unitOfWork.read(tx -> accounts.addresses(tx, keyOwner(account), 0)));
    }

    /** The receive address at an index (deprecated endpoint). */
    public Outcome<AccountAddress> receiveAddress(Caller caller, long accountId, int index) {
        return find(caller, accountId).flatMap(account -> {
            if (!currencyOf(account).utxo() && index != 0) {
                return Outcome.notFound("account " + accountId + " has a single address, index 0");
            }
            return Outcome.ok(addressAt(account, 0, index));
        });
    }

    private AccountAddress addressAt(Account account, int change, int index) {
        Currency currency = currencyOf(account);
        if (!currency.utxo()) {
            return unitOfWork.read(tx -> currentAddress(tx, account));
        }
        var derived = AccountKeys.address(workspaceService.keys(account.workspaceId()).seed(), currency,
                account.index(), change, index);
        return new AccountAddress(change, index, derived.address(), derived.path().toString());
    }

    /** The fresh address with its path, as stored when it was handed out. */
    private AccountAddress currentAddress(Tx tx, Account account) {
        return accounts.address(tx, keyOwner(account), 0, account.freshIndex()).orElseThrow(() ->
                new IllegalStateException("account " + account.id() + " has no stored fresh address"));
    }

    /** Token accounts use their parent's key and addresses. */
    private static long keyOwner(Account account) {
        return account.parentId().orElse(account.id());
    }

    private String sign(Caller caller, Account account, AccountAddress address) {
        return io.coffer.keys.AddressJwt.sign(workspaceService.keys(caller.workspaceId()).leafPrivateKey(),
                address.address(), address.derivationPath(), account.currency());
    }

    private Outcome<Account> coinAccount(Tx tx, Caller caller, String name, Currency currency, Instant now) {
        int index = accounts.nextIndex(tx, caller.workspaceId(), currency.name());
        byte[] seed = workspaceService.keys(caller.workspaceId()).seed();
        AccountKeys.AccountDerivation derivation = AccountKeys.account(seed, currency, index);
        AccountKeys.DerivedAddress address = AccountKeys.address(seed, currency, index, 0, 0);
        return Outcome.ok(new Account(0, caller.workspaceId(), name, currency.name(), Optional.empty(), Optional.empty(),
                index, currency.accountType(), AccountStatus.ACTIVE, derivation.path().toString(), address.address(), 0,
                derivation.xpub(), caller.userId(), now));
    }

    private Outcome<Account> tokenAccount(Tx tx, Caller caller, String name, Currency currency, long parentId,
                                          String contract, Instant now) {
        Optional<Account> parent = accounts.findVisible(tx, caller, parentId);
        if (parent.isEmpty()) {
            return Outcome.invalid("parent account " + parentId + " not found");
        }
        if (parent.get().status() != AccountStatus.ACTIVE) {
            return Outcome.invalid("parent account " + parentId + " is " + parent.get().status() + ", not ACTIVE");
        }
        if (parent.get().isToken()) {
            return Outcome.invalid("parent account " + parentId + " is itself a token account");
        }
        if (!parent.get().currency().equals(currency.name())) {
            return Outcome.invalid("currency must be the parent's network, " + parent.get().currency());
        }
        if (currency.tokenType().isEmpty()) {
            return Outcome.invalid(currency.name() + " has no tokens");
        }
        Optional<Token> token = catalog.token(currency.name(), contract);
        if (token.isEmpty()) {
            return Outcome.invalid("unknown token contract " + contract + " on " + currency.name()
                    + " (GET /currencies/tokens lists the known ones)");
        }
        if (accounts.tokenAccountExists(tx, parentId, token.get().contractAddress())) {
            return Outcome.invalid("parent account " + parentId + " already has an account for " + token.get().ticker());
        }
        Account p = parent.get();
        return Outcome.ok(new Account(0, caller.workspaceId(), name, currency.name(),
                Optional.of(token.get().contractAddress()), Optional.of(parentId), p.index(), currency.tokenType().get(),
                AccountStatus.ACTIVE, p.derivationPath(), p.address(), 0, Optional.empty(), caller.userId(), now));
    }

    /** The rules to store: the client's (validated), the parent's for a token, or creator-approves. */
    private Outcome<List<RuleSetDraft>> rulesFor(Tx tx, Caller caller, Account account,
                                                 Optional<List<RuleSetDraft>> requested) {
        if (requested.isPresent()) {
            return checkRules(tx, caller.workspaceId(), requested.get());
        }
        if (account.parentId().isPresent()) {
            List<RuleSet> parentRules = accounts.rules(tx, List.of(account.parentId().get()))
                    .getOrDefault(account.parentId().get(), List.of());
            return Outcome.ok(parentRules.stream().map(AccountService::draftOf).toList());
        }
        return Outcome.ok(List.of(new RuleSetDraft("Default", List.of(new RuleSetDraft.RuleDraft.MultiAuthorizations(
                List.of(new Rule.UsersStep(List.of(caller.userId()), 1)))))));
    }

    private AccountDetails store(Tx tx, Account draft, List<RuleSetDraft> rules) {
        long id = accounts.create(tx, draft);
        Account account = new Account(id, draft.workspaceId(), draft.name(), draft.currency(), draft.contractAddress(),
                draft.parentId(), draft.index(), draft.type(), draft.status(), draft.derivationPath(), draft.address(),
                draft.freshIndex(), draft.xpub(), draft.createdBy(), draft.createdOn());
        accounts.saveRules(tx, id, rules);
        memberships.refresh(tx, account.workspaceId());
        ledger.open(tx, id);
        if (!account.isToken()) {
            var derived = AccountKeys.address(workspaceService.keys(account.workspaceId()).seed(), currencyOf(account),
                    account.index(), 0, 0);
            accounts.addAddress(tx, id, new AccountAddress(0, 0, derived.address(), derived.path().toString()));
        }
        return details(tx, List.of(account)).getFirst();
    }

    private List<AccountDetails> details(Tx tx, List<Account> found) {
        List<Long> ids = found.stream().map(Account::id).toList();
        Map<Long, List<RuleSet>> rules = accounts.rules(tx, ids);
        Map<Long, Balance> balances = ledger.balances(tx, ids);
        Map<Long, Long> lastRequests = accounts.lastRequests(tx, ids);
        Map<Long, List<io.coffer.label.Label>> tags = labels.ofAccounts(tx, ids);
        return found.stream().map(account -> new AccountDetails(account, rules.getOrDefault(account.id(), List.of()),
                balances.getOrDefault(account.id(), Balance.ZERO), Optional.ofNullable(lastRequests.get(account.id())),
                tags.getOrDefault(account.id(), List.of()))).toList();
    }

    private static RuleSetDraft draftOf(RuleSet set) {
        return new RuleSetDraft(set.name(), set.rules().stream().<RuleSetDraft.RuleDraft>map(rule -> switch (rule) {
            case Rule.MultiAuthorizations multi -> new RuleSetDraft.RuleDraft.MultiAuthorizations(multi.steps());
            case Rule.Threshold threshold -> new RuleSetDraft.RuleDraft.Threshold(threshold.ranges());
            case Rule.Whitelist whitelist -> new RuleSetDraft.RuleDraft.Whitelist(whitelist.whitelistIds());
        }).toList());
    }

    private static <T> Outcome<T> notFound(long accountId) {
        return Outcome.notFound("account " + accountId + " not found");
    }
}
