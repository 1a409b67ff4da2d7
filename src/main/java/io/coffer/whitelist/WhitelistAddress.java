package io.coffer.whitelist;

import java.util.List;

/**
 * An address a whitelist allows, on one network.
 *
 * @param id 0 until stored
 * @param destinationTags the tags allowed with the address (XRP-like networks); empty when any
 */
public record WhitelistAddress(long id, String name, String currency, String address, List<Long> destinationTags) {

    public WhitelistAddress {
        destinationTags = List.copyOf(destinationTags);
    }
}
