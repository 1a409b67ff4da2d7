package io.coffer.transaction;

import io.coffer.account.Accounts;
import io.coffer.ledger.BalanceChanges;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Accounts with their current balances, kept in memory where this process is the only writer of its
 * database (the embedded default), so that {@code GET /accounts/{id}/balances} reads no row: every
 * posting that changes a balance makes this cache forget the account once it has committed, and no
 * other process can change one. Over PostgreSQL, where other instances write, it is {@link #OFF}.
 */
public final class BalanceCache implements BalanceChanges {

    /** At most this many accounts are remembered; the cache is emptied when full (about 1 KiB each). */
    static final int MAX_ENTRIES = 100_000;

    /** Remembers nothing. */
    public static final BalanceCache OFF = new BalanceCache(false);

    private final boolean on;
    private final ConcurrentHashMap<Long, Accounts.AccountBalance> entries = new ConcurrentHashMap<>();
    /** Moves on every committed change: a value read before a change must not be remembered after it. */
    private final AtomicLong changes = new AtomicLong();

    private BalanceCache(boolean on) {
        this.on = on;
    }

    /** A cache for a process that is its database's only writer. */
    public static BalanceCache forSoleWriter() {
        return new BalanceCache(true);
    }

    /** The remembered account of this workspace with its balance, if any. */
    Optional<Accounts.AccountBalance> find(long workspaceId, long accountId) {
        if (!on) {
            return Optional.empty();
        }
        return Optional.ofNullable(entries.get(accountId)).filter(found -> found.account().workspaceId() == workspaceId);
    }

    /** The change count to give {@link #remember} for a value about to be read. */
    long changesSoFar() {
        return changes.get();
    }

    /**
     * Remembers a value read from the database when no change committed since {@code changesBefore}
     * (taken before the read). A change committing while it is stored is seen by the check after it,
     * which takes the value back out: a change moves the count before it forgets its accounts.
     */
    void remember(long changesBefore, Accounts.AccountBalance found) {
        if (!on || changes.get() != changesBefore) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        long accountId = found.account().id();
        entries.put(accountId, found);
        if (changes.get() != changesBefore) {
            entries.remove(accountId, found);
        }
    }

    @Override
    public void committed(Collection<Long> accountIds) {
        if (!on) {
            return;
        }
        changes.incrementAndGet();
        accountIds.forEach(entries::remove);
    }

    /** Accounts remembered now. */
    int size() {
        return entries.size();
    }
}
