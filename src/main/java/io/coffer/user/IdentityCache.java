package io.coffer.user;

import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps what authentication read about a user and its workspace for a short time, so a busy client
 * does not cost one identity query per request. Entries expire after a configured time (the longest
 * another instance may take to notice a change such as a moved workspace clock); changes made on
 * this instance evict them at once. A time of zero disables the cache.
 */
public final class IdentityCache {

    /** Identities kept at most; at the bound the cache is emptied (listed in config.Bounds). */
    static final int MAX_ENTRIES = 100_000;

    private record Entry(Identity identity, long loadedAtMillis) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final InstantSource clock;
    private final long ttlMillis;

    public IdentityCache(InstantSource clock, long ttlMillis) {
        this.clock = clock;
        this.ttlMillis = ttlMillis;
    }

    /** A cached identity, or the one {@code loader} reads; only found identities are kept. */
    Optional<Identity> get(String key, Supplier<Optional<Identity>> loader) {
        if (ttlMillis <= 0) {
            return loader.get();
        }
        long now = clock.millis();
        Entry entry = entries.get(key);
        if (entry != null && now - entry.loadedAtMillis() < ttlMillis && now >= entry.loadedAtMillis()) {
            return Optional.of(entry.identity());
        }
        Optional<Identity> loaded = loader.get();
        if (loaded.isPresent()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(loaded.get(), now));
        }
        return loaded;
    }

    /** Forgets everything about a workspace (its clock moved, or one of its users changed). */
    public void evictWorkspace(long workspaceId) {
        entries.values().removeIf(entry -> entry.identity().workspaceId() == workspaceId);
    }
}
