package io.coffer.ledger;

import io.coffer.common.Amount;
import io.coffer.common.Tx;

/**
 * Funds of an account that are out of its books for a while and will come back to them (staked
 * amounts): a balance keeps room for them, so their return can never overflow the 2^256-1 bound.
 */
@FunctionalInterface
public interface HeldOutside {

    /** Nothing is ever held outside. */
    HeldOutside NONE = (tx, accountId) -> Amount.ZERO;

    /** What of the account's funds is outside its books now and will be credited back. */
    Amount of(Tx tx, long accountId);
}
