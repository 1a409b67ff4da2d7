package io.coffer.ledger;

import io.coffer.common.Amount;
import io.coffer.common.Tx;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storage of the ledger: postings, entries and the cached balance of each account. */
public interface LedgerStore {

    /** A balance row as stored, with the time of the account's latest entry. */
    record Stored(Balance balance, Optional<Instant> lastEntryAt) {
    }

    /** A stored entry as written, with the running balance of its book after it. */
    record WrittenEntry(Posting.Entry entry, Optional<Amount> balanceAfter) {
    }

    /** Creates the zero balance of a new account. */
    void open(Tx tx, long accountId);

    /** Reads and locks balance rows, in the given (ascending) order. */
    Map<Long, Stored> lock(Tx tx, List<Long> accountIds);

    Map<Long, Balance> read(Tx tx, Collection<Long> accountIds);

    /** Writes a posting and its entries, all dated {@code effectiveAt}. */
    void append(Tx tx, Posting posting, List<WrittenEntry> entries, Instant effectiveAt);

    void save(Tx tx, long accountId, Balance balance, Instant lastEntryAt);

    /** The confirmed balance of an account at each instant: one index seek per instant. */
    List<Amount> confirmedAt(Tx tx, long accountId, List<Instant> instants);
}
