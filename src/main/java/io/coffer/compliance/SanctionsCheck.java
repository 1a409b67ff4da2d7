package io.coffer.compliance;

import java.util.Optional;

/**
 * The answer to "is this address sanctioned?".
 *
 * @param address the address as asked
 * @param listed the list's entry, when it is on the list
 * @param source the list that was searched
 */
public record SanctionsCheck(String address, Optional<ListedAddress> listed, ListSource source) {

    public boolean sanctioned() {
        return listed.isPresent();
    }
}
