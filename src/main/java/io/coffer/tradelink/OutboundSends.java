package io.coffer.tradelink;

import io.coffer.account.Account;
import io.coffer.common.Amount;
import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import java.time.Instant;
import java.util.Optional;

/**
 * The send machinery as a settlement uses it, inside the settlement's transaction: a transaction
 * from the pledged account under a request that the pledge's approvals already cover, signed and
 * broadcast at once, and, when broadcast, its arrival on the exchange's account. Implemented by the
 * request pipeline, which owns requests.
 */
public interface OutboundSends {

    /** What the send produced. */
    record Outbound(long requestId, long transactionId, Optional<String> hash, boolean broadcast,
                    Optional<Long> inboundTransactionId) {
    }

    /**
     * Creates, signs and broadcasts the send; a refused broadcast gives its reservation back and
     * answers {@code broadcast = false}. Fails (nothing kept) when the account cannot pay amount and fees.
     * With the client's {@code intent}, its transaction type, fees strategy and max fees are used
     * (the caller has checked that it names {@code from}, {@code to} and {@code amount}); without
     * it, NORMAL speed with the estimate as max fees.
     */
    Outcome<Outbound> send(Tx tx, Caller caller, Account from, Account to, Amount amount,
                           Optional<OutboundIntent> intent, Instant now);

    /** The outbound transaction's fee once signed, and whether it is still SUBMITTED (not confirmed). */
    record Status(String status, Optional<Amount> fees) {
    }

    Status status(Tx tx, long workspaceId, long transactionId);
}
