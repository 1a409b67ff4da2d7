package io.coffer.tradelink;

import io.coffer.account.Account;
import io.coffer.account.AccountStatus;
import io.coffer.account.Accounts;
import io.coffer.common.Amount;
import io.coffer.common.Caller;
import io.coffer.common.ObjectStatus;
import io.coffer.common.Outcome;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Problem;
import io.coffer.common.Role;
import io.coffer.common.Tx;
import io.coffer.common.UnitOfWork;
import io.coffer.group.Groups;
import io.coffer.whitelist.Whitelists;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * TradeLink parties and pledges: the sandbox sets parties up and opens pledges (admins only, since
 * the spec's requests cannot), every user reads the pledges it may see.
 */
public final class TradeLinkService {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final UnitOfWork unitOfWork;
    private final TradeLinkStore store;
    private final Accounts accounts;
    private final Groups groups;
    private final Whitelists whitelists;
    private final Funds funds;
    private final InstantSource clock;

    public TradeLinkService(UnitOfWork unitOfWork, TradeLinkStore store, Accounts accounts, Groups groups,
                            Whitelists whitelists, io.coffer.ledger.LedgerService ledger, InstantSource clock) {
        this.unitOfWork = unitOfWork;
        this.store = store;
        this.accounts = accounts;
        this.groups = groups;
        this.whitelists = whitelists;
        this.funds = new Funds(ledger);
        this.clock = clock;
    }

    /** Adds an asset manager or an exchange with its approver group and whitelist (sandbox, admins only). */
    public Outcome<Party> createParty(Caller caller, PartyRole role, String name, String code, long groupId,
                                      long whitelistId) {
        if (caller.role() != Role.ADMIN) {
            return Outcome.failed(Problem.forbidden("only an ADMIN API user can set up TradeLink parties"));
        }
        if (name.isBlank() || name.length() > 128 || name.chars().anyMatch(Character::isISOControl)) {
            return Outcome.invalid("field 'name' must be 1-128 printable characters");
        }
        if (!CODE.matcher(code).matches()) {
            return Outcome.invalid("field 'code' must be 1-64 letters, digits, '_' or '-'");
        }
        Instant now = caller.clock(clock).now();
        return unitOfWork.write(tx -> {
            if (groups.find(tx, caller.workspaceId(), groupId).filter(g -> g.status() == ObjectStatus.ACTIVE).isEmpty()) {
                return Outcome.invalid("field 'approver_group_id': no active group " + groupId);
            }
            if (whitelists.find(tx, caller.workspaceId(), whitelistId).filter(w -> w.status() == ObjectStatus.ACTIVE)
                    .isEmpty()) {
                return Outcome.invalid("field 'whitelist_id': no active whitelist " + whitelistId);
            }
            if (store.codeTaken(tx, caller.workspaceId(), role, code)) {
                return Outcome.invalid("field 'code': a " + role.name().toLowerCase(Locale.ROOT) + " with code '" + code
                        + "' already exists");
            }
            long id = store.createParty(tx, caller.workspaceId(), role, name, code, groupId, whitelistId, now);
            return Outcome.ok(store.party(tx, caller.workspaceId(), id).orElseThrow());
        });
    }

    /**
     * Opens a pledge of an asset manager's account toward an exchange, reserving {@code amount} at
     * once (sandbox, admins only); settlements pay into {@code settlementAccountId}.
     */
    public Outcome<Pledge> openPledge(Caller caller, long accountId, long assetManagerId, long exchangeId,
                                      long settlementAccountId, Amount amount) {
        if (caller.role() != Role.ADMIN) {
            return Outcome.failed(Problem.forbidden("only an ADMIN API user can open pledges through the sandbox"));
        }
        Instant now = caller.clock(clock).now();
        return unitOfWork.write(tx -> {
            long ws = caller.workspaceId();
            var manager = store.party(tx, ws, assetManagerId).filter(p -> p.role() == PartyRole.ASSET_MANAGER);
            if (manager.isEmpty()) {
                return Outcome.invalid("field 'asset_manager_id': no asset manager " + assetManagerId);
            }
            var exchange = store.party(tx, ws, exchangeId).filter(p -> p.role() == PartyRole.EXCHANGE);
            if (exchange.isEmpty()) {
                return Outcome.invalid("field 'exchange_id': no exchange " + exchangeId);
            }
            var account = accounts.lock(tx, ws, accountId).filter(a -> a.status() == AccountStatus.ACTIVE);
            if (account.isEmpty()) {
                return Outcome.invalid("field 'account_id': no active account " + accountId);
            }
            var target = accounts.find(tx, ws, settlementAccountId).filter(a -> a.status() == AccountStatus.ACTIVE);
            if (target.isEmpty() || target.get().id() == accountId) {
                return Outcome.invalid("field 'settlement_account_id': no other active account " + settlementAccountId);
            }
            if (!target.get().asset().equals(account.get().asset()) || account.get().isToken()) {
                return Outcome.invalid("field 'settlement_account_id': account " + settlementAccountId + " must hold "
                        + account.get().asset() + " like the pledged account (token accounts are not pledged)");
            }
            Pledge draft = new Pledge(UUID.randomUUID().toString(), 0, ws, accountId, manager.get(), exchange.get(),
                    settlementAccountId, amount, Amount.ZERO, amount, PledgeState.PLEDGE_READY, now, now);
            return funds.reserve(tx, account.get(), amount, now).map(ok -> {
                store.createPledge(tx, draft);
                return store.pledge(tx, ws, draft.id()).orElseThrow();
            });
        });
    }

    public Outcome<Pledge> get(Caller caller, String pledgeId) {
        return unitOfWork.read(tx -> store.visiblePledge(tx, caller, pledgeId).map(Outcome::ok)
                .orElseGet(() -> Outcome.notFound("pledge " + pledgeId + " not found")));
    }

    public Page<Pledge> search(Caller caller, PledgeFilter filter, PageRequest page) {
        return unitOfWork.read(tx -> store.search(tx, caller, filter, page));
    }
}
