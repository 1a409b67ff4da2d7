package io.coffer.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.account.Account;
import io.coffer.account.Accounts;
import io.coffer.common.Amount;
import io.coffer.ledger.Balance;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The balance cache never keeps a value read before a change that committed after it was read. */
class BalanceCacheTest {

    @Test
    void aValueReadBeforeAChangeIsNotRemembered() {
        BalanceCache cache = BalanceCache.forSoleWriter();
        long before = cache.changesSoFar();
        cache.committed(List.of(7L));
        cache.remember(before, balanceOf(7, 1, 5));
        assertThat(cache.find(1, 7)).isEmpty();
    }

    @Test
    void aChangeForgetsTheAccountAndOnlyThatOne() {
        BalanceCache cache = BalanceCache.forSoleWriter();
        cache.remember(cache.changesSoFar(), balanceOf(7, 1, 5));
        cache.remember(cache.changesSoFar(), balanceOf(8, 1, 6));
        cache.committed(List.of(7L));
        assertThat(cache.find(1, 7)).isEmpty();
        assertThat(cache.find(1, 8)).map(found -> found.balance().confirmed().value().intValue()).contains(6);
    }

    @Test
    void anotherWorkspaceNeverSeesTheAccount() {
        BalanceCache cache = BalanceCache.forSoleWriter();
        cache.remember(cache.changesSoFar(), balanceOf(7, 1, 5));
        assertThat(cache.find(2, 7)).isEmpty();
        assertThat(cache.find(1, 7)).isPresent();
    }

    @Test
    void offRemembersNothing() {
        BalanceCache.OFF.remember(BalanceCache.OFF.changesSoFar(), balanceOf(7, 1, 5));
        assertThat(BalanceCache.OFF.find(1, 7)).isEmpty();
    }

    @Test
    void itNeverHoldsMoreThanItsBound() {
        BalanceCache cache = BalanceCache.forSoleWriter();
        for (int i = 0; i <= BalanceCache.MAX_ENTRIES; i++) {
            cache.remember(cache.changesSoFar(), balanceOf(i, 1, 1));
        }
        assertThat(cache.size()).isLessThanOrEqualTo(BalanceCache.MAX_ENTRIES);
    }

    private static Accounts.AccountBalance balanceOf(long accountId, long workspaceId, long confirmed) {
        Account account = new Account(accountId, workspaceId, "a" + accountId, "ethereum", java.util.Optional.empty(),
                java.util.Optional.empty(), 0, io.coffer.currency.AccountType.Ethereum, io.coffer.account.AccountStatus.ACTIVE,
                "44'/60'/0'", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", 0, java.util.Optional.empty(), 1,
                java.time.Instant.EPOCH);
        return new Accounts.AccountBalance(account,
                new Balance(new Amount(java.math.BigInteger.valueOf(confirmed)), Amount.ZERO, Amount.ZERO, Amount.ZERO));
    }
}
