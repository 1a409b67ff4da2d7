package io.coffer.tradelink;

import io.coffer.common.Amount;
import io.coffer.common.Caller;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import java.time.Instant;
import java.util.Optional;

/**
 * Storage of TradeLink parties, pledges, pledge changes and settlements. Reads answer the effective
 * state: a pledge assigned to a settlement whose outbound transaction confirmed reads
 * {@code PLEDGE_CONSUMED}, and the settlement {@code OUTBOUND_TRANSACTION_CONFIRMED}, so block
 * production needs to know nothing of TradeLink.
 */
public interface TradeLinkStore {

    long createParty(Tx tx, long workspaceId, PartyRole role, String name, String code, long groupId, long whitelistId,
                     Instant at);

    Optional<Party> party(Tx tx, long workspaceId, long partyId);

    boolean codeTaken(Tx tx, long workspaceId, PartyRole role, String code);

    /** Stores a new pledge; answers its number ({@code pledge_subaccount_id}). */
    long createPledge(Tx tx, Pledge pledge);

    Optional<Pledge> pledge(Tx tx, long workspaceId, String pledgeId);

    Optional<Pledge> pledgeBySubaccount(Tx tx, long workspaceId, long subaccountId);

    /** Reads a pledge and locks its row until the transaction ends. */
    Optional<Pledge> lockPledge(Tx tx, long workspaceId, String pledgeId);

    /** A pledge the caller may see (see {@link #search}). */
    Optional<Pledge> visiblePledge(Tx tx, Caller caller, String pledgeId);

    /**
     * The pledges the caller may see, newest first: everything for admins and view-all users, else
     * those of accounts it sees and those whose exchange's approver group it belongs to.
     */
    Page<Pledge> search(Tx tx, Caller caller, PledgeFilter filter, PageRequest page);

    void updatePledge(Tx tx, Pledge pledge);

    long createChange(Tx tx, long workspaceId, String pledgeId, PledgeChange.Kind kind, Amount amount,
                      PledgeState previous, Instant at);

    Optional<PledgeChange> change(Tx tx, long workspaceId, long changeId);

    /** The id of the pledge's most recent change, the only one its pending state can be waiting for. */
    Optional<Long> latestChangeId(Tx tx, long workspaceId, String pledgeId);

    void setChangeRequest(Tx tx, long changeId, long requestId);

    /** Stores a settlement; its id (the client's UUID) is unique within its workspace. */
    void createSettlement(Tx tx, Settlement settlement);

    Optional<Settlement> settlement(Tx tx, long workspaceId, String settlementId);

    Optional<Settlement> visibleSettlement(Tx tx, Caller caller, String settlementId);

    /** The settlements of the pledges the caller may see, newest first. */
    Page<Settlement> settlements(Tx tx, Caller caller, PageRequest page);

    void updateSettlement(Tx tx, long workspaceId, String settlementId, String state, Optional<Amount> recoveryMaxFee,
                          Instant at);
}
