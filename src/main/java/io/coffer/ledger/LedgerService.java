package io.coffer.ledger;

import io.coffer.common.Amount;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Posts balanced movements and keeps every account's cached balance equal to the sum of its
 * entries, in the same transaction. A posting that would make a bucket negative or push outgoing
 * above confirmed is refused and nothing of it is written.
 */
public final class LedgerService {

    private final LedgerStore store;

    /** Half the bound: below it no balance can lack room for what it holds outside, so nothing is asked. */
    private static final BigInteger NEAR_THE_BOUND = BigInteger.TWO.pow(255);

    private final HeldOutside heldOutside;
    private final BalanceChanges changes;

    public LedgerService(LedgerStore store) {
        this(store, HeldOutside.NONE);
    }

    public LedgerService(LedgerStore store, HeldOutside heldOutside) {
        this(store, heldOutside, BalanceChanges.NONE);
    }

    /** @param changes told of the accounts each committed posting changed (a cache of balances forgets them) */
    public LedgerService(LedgerStore store, HeldOutside heldOutside, BalanceChanges changes) {
        this.store = store;
        this.heldOutside = heldOutside;
        this.changes = changes;
    }

    public void open(Tx tx, long accountId) {
        store.open(tx, accountId);
    }

    /**
     * Posts a movement inside the caller's transaction.
     *
     * @param dustDelta change to the accounts' dust (spendability marker of Bitcoin-like outputs)
     * @return the new balance of every account touched
     */
    public Outcome<Map<Long, Balance>> post(Tx tx, Posting posting, Map<Long, Amount> dustDelta) {
        List<Long> accountIds = posting.accountIds();
        Map<Long, LedgerStore.Stored> current = store.lock(tx, accountIds);
        Instant effectiveAt = posting.at();
        Map<Long, EnumMap<Bucket, BigInteger>> working = new HashMap<>();
        for (Long id : accountIds) {
            LedgerStore.Stored stored = current.get(id);
            if (stored == null) {
                throw new IllegalStateException("no ledger balance for account " + id);
            }
            EnumMap<Bucket, BigInteger> buckets = new EnumMap<>(Bucket.class);
            for (Bucket bucket : Bucket.values()) {
                buckets.put(bucket, stored.balance().bucket(bucket).value());
            }
            working.put(id, buckets);
            // Entries of one account are dated in order, even if the clock stepped back.
            if (stored.lastEntryAt().isPresent() && stored.lastEntryAt().get().isAfter(effectiveAt)) {
                effectiveAt = stored.lastEntryAt().get();
            }
        }
        List<LedgerStore.WrittenEntry> written = new ArrayList<>();
        for (Posting.Entry entry : posting.entries()) {
            if (entry.external()) {
                written.add(new LedgerStore.WrittenEntry(entry, Optional.empty()));
                continue;
            }
            EnumMap<Bucket, BigInteger> buckets = working.get(entry.accountId().get());
            BigInteger delta = entry.side() == Side.DEBIT ? entry.amount().value() : entry.amount().value().negate();
            BigInteger next = buckets.get(entry.bucket()).add(delta);
            if (next.signum() < 0) {
                return Outcome.invalid("insufficient funds: " + entry.bucket().name().toLowerCase(java.util.Locale.ROOT)
                        + " balance of account " + entry.accountId().get() + " would go negative");
            }
            if (next.compareTo(Amount.MAX_VALUE) > 0) {
                return Outcome.invalid("balance of account " + entry.accountId().get() + " would exceed 2^256-1");
            }
            buckets.put(entry.bucket(), next);
            written.add(new LedgerStore.WrittenEntry(entry, Optional.of(new Amount(next))));
        }
        for (Long id : accountIds) {
            EnumMap<Bucket, BigInteger> buckets = working.get(id);
            // The sums a balance answers (total, pending) are amounts too: they must stay within the bound.
            if (buckets.get(Bucket.CONFIRMED).add(buckets.get(Bucket.INCOMING)).compareTo(Amount.MAX_VALUE) > 0
                    || buckets.get(Bucket.INCOMING).add(buckets.get(Bucket.OUTGOING)).compareTo(Amount.MAX_VALUE) > 0) {
                return Outcome.invalid("the balance of account " + id + " would exceed 2^256-1");
            }
            if (leavesNoRoomForWhatComesBack(tx, id, current.get(id).balance(), buckets)) {
                return Outcome.invalid("the balance of account " + id + " would leave no room under 2^256-1 for the"
                        + " funds it has staked");
            }
        }
        Map<Long, Balance> result = new HashMap<>();
        for (Long id : accountIds) {
            EnumMap<Bucket, BigInteger> buckets = working.get(id);
            BigInteger dust = current.get(id).balance().dust().value()
                    .add(dustDelta.getOrDefault(id, Amount.ZERO).value());
            if (buckets.get(Bucket.CONFIRMED).compareTo(buckets.get(Bucket.OUTGOING)) < 0) {
                return Outcome.invalid("insufficient funds: account " + id + " would reserve more than it holds");
            }
            // The reported total and pending are amounts too: they must stay within 2^256-1.
            if (buckets.get(Bucket.CONFIRMED).add(buckets.get(Bucket.INCOMING)).compareTo(Amount.MAX_VALUE) > 0
                    || buckets.get(Bucket.INCOMING).add(buckets.get(Bucket.OUTGOING)).compareTo(Amount.MAX_VALUE) > 0) {
                return Outcome.invalid("balance of account " + id + " would exceed 2^256-1");
            }
            result.put(id, new Balance(new Amount(buckets.get(Bucket.CONFIRMED)), new Amount(buckets.get(Bucket.INCOMING)),
                    new Amount(buckets.get(Bucket.OUTGOING)), new Amount(dust.min(buckets.get(Bucket.CONFIRMED)))));
        }
        store.append(tx, posting, written, effectiveAt);
        for (Map.Entry<Long, Balance> balance : result.entrySet()) {
            store.save(tx, balance.getKey(), balance.getValue(), effectiveAt);
        }
        if (changes != BalanceChanges.NONE) {
            List<Long> changed = List.copyOf(result.keySet());
            tx.afterCommit(() -> changes.committed(changed));
        }
        return Outcome.ok(result);
    }

    /**
     * Whether a posting that grows a balance eats the room its funds held outside need to come back;
     * asked only near the bound, so ordinary postings cost no extra read.
     */
    private boolean leavesNoRoomForWhatComesBack(Tx tx, long accountId, Balance before, EnumMap<Bucket, BigInteger> after) {
        BigInteger held = after.get(Bucket.CONFIRMED).add(after.get(Bucket.INCOMING));
        BigInteger was = before.confirmed().value().add(before.incoming().value());
        if (held.compareTo(was) <= 0 || held.compareTo(NEAR_THE_BOUND) <= 0) {
            return false;
        }
        return held.add(heldOutside.of(tx, accountId).value()).compareTo(Amount.MAX_VALUE) > 0;
    }

    public Balance balance(Tx tx, long accountId) {
        return store.read(tx, List.of(accountId)).getOrDefault(accountId, Balance.ZERO);
    }

    public Map<Long, Balance> balances(Tx tx, Collection<Long> accountIds) {
        return store.read(tx, accountIds);
    }

    /** The confirmed balance of an account at each of the given instants. */
    public List<Amount> confirmedHistory(Tx tx, long accountId, List<Instant> instants) {
        return store.confirmedAt(tx, accountId, instants);
    }
}
