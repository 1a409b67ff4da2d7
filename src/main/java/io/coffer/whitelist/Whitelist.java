package io.coffer.whitelist;

import io.coffer.common.ObjectStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A named list of destination addresses that WHITELIST rules restrict sends to. */
public record Whitelist(long id, long workspaceId, String name, Optional<String> description, ObjectStatus status,
                        List<WhitelistAddress> addresses, long createdBy, Instant createdOn, Optional<Long> lastRequest) {

    public Whitelist {
        addresses = List.copyOf(addresses);
    }

    /**
     * Whether the list allows sending to an address on a network. EVM addresses compare without
     * regard to letter case (their checksum is only a spelling); every other format exactly.
     */
    public boolean allows(String network, String address, boolean caseInsensitive) {
        return addresses.stream().anyMatch(entry -> entry.currency().equals(network)
                && (caseInsensitive ? entry.address().equalsIgnoreCase(address) : entry.address().equals(address)));
    }
}
