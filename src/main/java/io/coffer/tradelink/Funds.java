package io.coffer.tradelink;

import io.coffer.account.Account;
import io.coffer.common.Amount;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.ledger.LedgerService;
import io.coffer.ledger.Postings;
import java.time.Instant;
import java.util.Map;

/** A pledge's reservation on its account's ledger, moved in exact base units (zero moves nothing). */
final class Funds {

    private final LedgerService ledger;

    Funds(LedgerService ledger) {
        this.ledger = ledger;
    }

    /** Reserves {@code amount} on the account; refused when its available balance cannot cover it. */
    Outcome<Void> reserve(Tx tx, Account account, Amount amount, Instant now) {
        if (amount.isZero()) {
            return Outcome.ok(null);
        }
        return ledger.post(tx, Postings.pledge(account.workspaceId(), account.asset(), account.id(), amount, now), Map.of())
                .isOk() ? Outcome.ok(null) : Outcome.invalid("insufficient funds: the available balance of account "
                + account.id() + " cannot cover " + amount);
    }

    /** Gives back what a pledge reserved; it cannot fail, the amount is held. */
    void release(Tx tx, Account account, Amount amount, Instant now) {
        if (!amount.isZero()) {
            ledger.post(tx, Postings.unpledge(account.workspaceId(), account.asset(), account.id(), amount, now), Map.of())
                    .orElseThrow();
        }
    }
}
