package io.coffer.tradelink;

import io.coffer.common.Amount;
import java.time.Instant;

/**
 * Funds of an asset manager's account set aside for an exchange.
 *
 * @param id the pledge's UUID
 * @param subaccountId the pledge's number in the workspace ({@code pledge_subaccount_id})
 * @param settlementAccountId the exchange's account that settlements of this pledge pay into
 * @param amount what is pledged
 * @param pending an increment awaiting approval (not reserved yet)
 * @param reserved what the ledger holds for this pledge on the account right now
 */
public record Pledge(String id, long subaccountId, long workspaceId, long accountId, Party assetManager, Party exchange,
                     long settlementAccountId, Amount amount, Amount pending, Amount reserved, PledgeState state,
                     Instant createdOn, Instant updatedOn) {

    /** The pledge in another state with other amounts. */
    public Pledge with(PledgeState newState, Amount newAmount, Amount newPending, Amount newReserved, Instant at) {
        return new Pledge(id, subaccountId, workspaceId, accountId, assetManager, exchange, settlementAccountId, newAmount,
                newPending, newReserved, newState, createdOn, at);
    }
}
