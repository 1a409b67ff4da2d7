package io.coffer.compliance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sanctioned addresses, held in memory and looked up by {@link AddressKey}: EVM and Bech32
 * addresses in any letter case, every other address exactly. Immutable once built.
 */
public final class SanctionsList {

    /** The most entries a list may hold (the shipped snapshot has 654): a bound on memory. */
    public static final int MAX_ENTRIES = 100_000;

    private final ListSource source;
    private final Map<String, ListedAddress> byKey;
    private final int entries;

    private SanctionsList(ListSource source, Map<String, ListedAddress> byKey, int entries) {
        this.source = source;
        this.byKey = byKey;
        this.entries = entries;
    }

    /**
     * Builds a list from (asset, address) lines; an address listed under several assets is one entry
     * that names them all.
     *
     * @throws IllegalArgumentException when there are more than {@link #MAX_ENTRIES} lines
     */
    public static SanctionsList of(ListSource source, List<Entry> lines) {
        if (lines.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException(source + " has " + lines.size() + " entries, more than the "
                    + MAX_ENTRIES + " allowed");
        }
        Map<String, List<String>> assets = new LinkedHashMap<>();
        Map<String, String> written = new LinkedHashMap<>();
        for (Entry line : lines) {
            String key = AddressKey.of(line.address());
            written.putIfAbsent(key, line.address());
            List<String> of = assets.computeIfAbsent(key, k -> new ArrayList<>());
            if (!of.contains(line.asset())) {
                of.add(line.asset());
            }
        }
        Map<String, ListedAddress> byKey = new LinkedHashMap<>();
        assets.forEach((key, listed) -> byKey.put(key, new ListedAddress(written.get(key), listed)));
        return new SanctionsList(source, Collections.unmodifiableMap(byKey), lines.size());
    }

    /** One line of a list: an address under an asset code. */
    public record Entry(String asset, String address) {
    }

    public Optional<ListedAddress> find(String address) {
        return Optional.ofNullable(byKey.get(AddressKey.of(address)));
    }

    public ListSource source() {
        return source;
    }

    /** Lines read (an address under two assets counts twice). */
    public int entries() {
        return entries;
    }

    /** Distinct addresses. */
    public int addresses() {
        return byKey.size();
    }
}
