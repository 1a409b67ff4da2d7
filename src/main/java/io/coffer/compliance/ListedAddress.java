package io.coffer.compliance;

import java.util.List;

/**
 * An address on the sanctions list.
 *
 * @param address the address as the list writes it
 * @param assets the list's asset codes it appears under (OFAC's: XBT, ETH, USDT, ...), in list order
 */
public record ListedAddress(String address, List<String> assets) {

    public ListedAddress {
        assets = List.copyOf(assets);
    }
}
