package io.coffer.ledger;

import java.util.Collection;

/** Told, once their transaction has committed, which accounts' balances a posting changed. */
@FunctionalInterface
public interface BalanceChanges {

    /** Nobody listens. */
    BalanceChanges NONE = accountIds -> { };

    void committed(Collection<Long> accountIds);
}
