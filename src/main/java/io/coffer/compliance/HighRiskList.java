package io.coffer.compliance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Addresses the operator of a Coffer server considers high-risk (a mixer, a scam, a darknet market),
 * each with a category and a reason; compared like the sanctions list. Empty unless configured.
 */
public final class HighRiskList {

    /** The most entries the list may hold: a bound on memory. */
    public static final int MAX_ENTRIES = 100_000;

    /** The empty list: no address is high-risk. */
    public static final HighRiskList NONE = new HighRiskList(Map.of());

    private final Map<String, HighRiskAddress> byKey;

    private HighRiskList(Map<String, HighRiskAddress> byKey) {
        this.byKey = byKey;
    }

    /** An address with why it is high-risk: category (e.g. "mixing") and a sentence. */
    public record HighRiskAddress(String address, String category, String reason) {
    }

    /**
     * Builds the list; a later line for the same address replaces an earlier one.
     *
     * @throws IllegalArgumentException when there are more than {@link #MAX_ENTRIES} entries
     */
    public static HighRiskList of(List<HighRiskAddress> entries) {
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("the high-risk list has " + entries.size() + " entries, more than the "
                    + MAX_ENTRIES + " allowed");
        }
        Map<String, HighRiskAddress> byKey = new LinkedHashMap<>();
        entries.forEach(entry -> byKey.put(AddressKey.of(entry.address()), entry));
        return new HighRiskList(Collections.unmodifiableMap(byKey));
    }

    public Optional<HighRiskAddress> find(String address) {
        return Optional.ofNullable(byKey.get(AddressKey.of(address)));
    }

    public int size() {
        return byKey.size();
    }
}
