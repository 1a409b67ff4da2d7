package io.coffer.tradelink;

import io.coffer.account.Account;
import io.coffer.account.Accounts;
import io.coffer.common.Amount;
import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Role;
import io.coffer.common.Tx;
import io.coffer.common.UnitOfWork;
import io.coffer.group.Groups;
import io.coffer.ledger.LedgerService;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Settlements: the exchange consumes a PLEDGE_READY pledge with an outbound transaction from the
 * pledged account to its own account. The pledge's reservation is handed to the send in the same
 * transaction (released, then the send reserves amount and fees), so nothing is counted twice; a
 * refused broadcast puts the pledge's reservation back. Only admins and members of the exchange's
 * approver group settle, cancel and recover.
 */
public final class SettlementService {

    private final UnitOfWork unitOfWork;
    private final TradeLinkStore store;
    private final Accounts accounts;
    private final Groups groups;
    private final OutboundSends sends;
    private final Funds funds;
    private final InstantSource clock;

    public SettlementService(UnitOfWork unitOfWork, TradeLinkStore store, Accounts accounts, Groups groups,
                             OutboundSends sends, LedgerService ledger, InstantSource clock) {
        this.unitOfWork = unitOfWork;
        this.store = store;
        this.accounts = accounts;
        this.groups = groups;
        this.sends = sends;
        this.funds = new Funds(ledger);
        this.clock = clock;
    }

    /**
     * {@code POST /settlements}. The same id again for the same pledge answers the settlement as it
     * stands (a retry settles once); for another pledge it is a 400.
     */
    public Outcome<Settlement> create(Caller caller, NewSettlement request) {
        Instant now = caller.clock(clock).now();
        return unitOfWork.write(tx -> {
            long ws = caller.workspaceId();
            Optional<Pledge> visible = store.visiblePledge(tx, caller, request.pledgeId());
            if (visible.isEmpty()) {
                return store.settlement(tx, ws, request.id()).isPresent() ? taken(request)
                        : Outcome.invalid("field 'from_pledge_id': no pledge " + request.pledgeId());
            }
            Outcome<Void> allowed = exchangeUser(tx, caller, visible.get());
            if (allowed instanceof Outcome.Failed<Void> failed) {
                return Outcome.failed(failed.problem());
            }
            Account from = accounts.lock(tx, ws, visible.get().accountId()).orElseThrow();
            Pledge pledge = store.lockPledge(tx, ws, request.pledgeId()).orElseThrow();
            // Read under the pledge's lock, so a concurrent retry of the same settlement waits and then replays it.
            Optional<Settlement> earlier = store.settlement(tx, ws, request.id());
            if (earlier.isPresent()) {
                Settlement found = earlier.get();
                if (!found.pledgeId().equals(request.pledgeId())) {
                    return taken(request);
                }
                // Only a true retry replays: the same amount and meta. Anything else would be answered with a
                // settlement the client did not ask for.
                boolean same = found.amount().equals(request.amount().orElse(pledge.amount()))
                        && found.metaJson().equals(request.metaJson());
                return same ? Outcome.ok(found) : Outcome.invalid("field 'id': settlement " + request.id()
                        + " already exists with another amount or meta; a retry sends the same body");
            }
            // A pending increment reserves nothing and must not hold the pledged funds hostage: the reserved
            // amount is settled and the increment, no longer awaited, cannot apply (PledgeChanges.check).
            boolean settleable = pledge.state() == PledgeState.PLEDGE_READY
                    || pledge.state() == PledgeState.PLEDGE_INCREMENT_PENDING_APPROVAL;
            if (!settleable || pledge.amount().isZero()) {
                return Outcome.invalid("pledge " + pledge.id() + " is " + pledge.state() + " with amount " + pledge.amount()
                        + "; only a PLEDGE_READY pledge (or one whose increment awaits approval) with funds is settled");
            }
            Amount amount = request.amount().orElse(pledge.amount());
            if (amount.isZero() || !pledge.amount().isAtLeast(amount)) {
                return Outcome.invalid("field 'outbound_transaction_intent.amount' must be between 1 and the pledged "
                        + pledge.amount());
            }
            Account to = accounts.find(tx, ws, pledge.settlementAccountId()).orElseThrow();
            if (request.intent().isPresent()) {
                Optional<String> wrong = mismatch(request.intent().get(), from, to);
                if (wrong.isPresent()) {
                    return Outcome.invalid(wrong.get());
                }
            }
            funds.release(tx, from, pledge.reserved(), now);
            return sends.send(tx, caller, from, to, amount, request.intent(), now).flatMap(outbound -> {
                Pledge next;
                if (outbound.broadcast()) {
                    next = pledge.with(PledgeState.ASSIGNED_TO_SETTLEMENT, pledge.amount(), Amount.ZERO, Amount.ZERO, now);
                } else {
                    // The broadcast was refused and the send released its reservation: the pledge holds its funds again.
                    funds.reserve(tx, from, pledge.reserved(), now).orElseThrow();
                    next = pledge.with(PledgeState.OUTBOUND_TRANSACTION_FAILED, pledge.amount(), Amount.ZERO,
                            pledge.reserved(), now);
                }
                store.updatePledge(tx, next);
                store.createSettlement(tx, new Settlement(request.id(), ws, pledge.id(), request.metaJson(), amount,
                        outbound.broadcast() ? Settlement.SUBMITTED : Settlement.FAILED, outbound.requestId(),
                        outbound.transactionId(), outbound.hash(), "", outbound.inboundTransactionId(), Optional.empty(),
                        caller.userId(), now));
                return Outcome.ok(store.settlement(tx, ws, request.id()).orElseThrow());
            });
        });
    }

    public Outcome<Settlement> get(Caller caller, String settlementId) {
        return unitOfWork.read(tx -> store.visibleSettlement(tx, caller, settlementId).map(Outcome::ok)
                .orElseGet(() -> notFound(settlementId)));
    }

    public Page<Settlement> search(Caller caller, PageRequest page) {
        return unitOfWork.read(tx -> store.settlements(tx, caller, page));
    }

    /**
     * {@code GET /settlements} as the contract shapes it: the pledge of each settlement the caller
     * sees, read in the same statement set as the settlements (a settlement is visible exactly when
     * its pledge is, so no second visibility check can disagree with the first).
     */
    public Page<Pledge> searchPledges(Caller caller, PageRequest page) {
        return unitOfWork.read(tx -> store.settlements(tx, caller, page)
                .map(settlement -> store.pledge(tx, caller.workspaceId(), settlement.pledgeId()).orElseThrow()));
    }

    /**
     * Cancels a settlement whose outbound transaction failed to broadcast: the pledge is PLEDGE_READY
     * again, its funds still reserved.
     */
    public Outcome<Settlement> cancel(Caller caller, String settlementId) {
        Instant now = caller.clock(clock).now();
        return unitOfWork.write(tx -> store.visibleSettlement(tx, caller, settlementId).map(found -> {
            Pledge pledge = store.lockPledge(tx, caller.workspaceId(), found.pledgeId()).orElseThrow();
            Settlement settlement = store.settlement(tx, caller.workspaceId(), settlementId).orElseThrow();
            return exchangeUser(tx, caller, pledge).flatMap(ok -> {
                if (!settlement.state().equals(Settlement.FAILED)) {
                    return Outcome.<Settlement>invalid("settlement " + settlementId + " is " + settlement.state()
                            + ": only a settlement whose outbound transaction is FAILED_TO_BROADCAST is canceled");
                }
                store.updatePledge(tx, pledge.with(PledgeState.PLEDGE_READY, pledge.amount(), Amount.ZERO,
                        pledge.reserved(), now));
                store.updateSettlement(tx, caller.workspaceId(), settlementId, Settlement.CANCELED, Optional.empty(),
                        now);
                return Outcome.ok(store.settlement(tx, caller.workspaceId(), settlementId).orElseThrow());
            });
        }).orElseGet(() -> notFound(settlementId)));
    }

    /**
     * Asks for a fee bump of a settlement whose outbound transaction is SUBMITTED. The simulated
     * networks never leave a transaction stuck (the next block takes the whole mempool), so the
     * request is recorded and the transaction keeps its fee: no money moves.
     */
    public Outcome<Settlement> recover(Caller caller, String settlementId, Amount maxFee) {
        Instant now = caller.clock(clock).now();
        return unitOfWork.write(tx -> store.visibleSettlement(tx, caller, settlementId).map(found -> {
            Pledge pledge = store.lockPledge(tx, caller.workspaceId(), found.pledgeId()).orElseThrow();
            Settlement settlement = store.settlement(tx, caller.workspaceId(), settlementId).orElseThrow();
            return exchangeUser(tx, caller, pledge).flatMap(ok -> {
                OutboundSends.Status status = sends.status(tx, caller.workspaceId(), settlement.outboundTransactionId());
                if (!status.status().equals("SUBMITTED") || settlement.state().equals(Settlement.CONFIRMED)) {
                    return Outcome.<Settlement>invalid("settlement " + settlementId + " has its outbound transaction "
                            + status.status() + ": only a SUBMITTED one is recovered");
                }
                if (status.fees().isPresent() && !maxFee.isAtLeast(status.fees().get())) {
                    return Outcome.<Settlement>invalid("field 'max_fee' " + maxFee + " is below the fee already paid, "
                            + status.fees().get());
                }
                store.updateSettlement(tx, caller.workspaceId(), settlementId, Settlement.RECOVERED, Optional.of(maxFee),
                        now);
                return Outcome.ok(store.settlement(tx, caller.workspaceId(), settlementId).orElseThrow());
            });
        }).orElseGet(() -> notFound(settlementId)));
    }

    /**
     * What in a spec-shaped intent disagrees with the pledge: its funds leave the pledged account,
     * natively, for the settlement account, and nowhere else.
     */
    private static Optional<String> mismatch(OutboundIntent intent, Account from, Account to) {
        String field = "field 'outbound_transaction_intent.";
        if (intent.accountId() != from.id()) {
            return Optional.of(field + "account_id' must be the pledged account, " + from.id());
        }
        if (!intent.accountName().equals(from.name())) {
            return Optional.of(field + "transaction_data.account_name' is not the pledged account's name");
        }
        if (!intent.currency().equals(from.currency())) {
            return Optional.of(field + "transaction_data.currency' must be the pledged account's currency, "
                    + from.currency());
        }
        if (intent.contractAddress().isPresent()) {
            return Optional.of(field + "transaction_data.contract_address': settlements send the native asset only");
        }
        // EVM addresses may come checksummed or not; every other format compares exactly.
        boolean same = to.address().startsWith("0x") ? to.address().equalsIgnoreCase(intent.recipient())
                : to.address().equals(intent.recipient());
        if (!same) {
            return Optional.of(field + "transaction_data.recipient' must be the pledge's settlement account, "
                    + to.address());
        }
        return Optional.empty();
    }

    /** Admins, and active members of the pledge's exchange's approver group. */
    private Outcome<Void> exchangeUser(Tx tx, Caller caller, Pledge pledge) {
        if (caller.role() == Role.ADMIN) {
            return Outcome.ok(null);
        }
        boolean member = groups.find(tx, caller.workspaceId(), pledge.exchange().approverGroupId())
                .filter(group -> group.members().contains(caller.userId())).isPresent();
        return member ? Outcome.ok(null) : Outcome.invalid("user " + caller.userId() + " is not in the approver group "
                + pledge.exchange().approverGroupId() + " of exchange " + pledge.exchange().name()
                + ": only the exchange's users settle its pledges");
    }

    private static <T> Outcome<T> taken(NewSettlement request) {
        return Outcome.invalid("field 'id': settlement " + request.id() + " already exists for another pledge");
    }

    private static <T> Outcome<T> notFound(String settlementId) {
        return Outcome.notFound("settlement " + settlementId + " not found");
    }
}
