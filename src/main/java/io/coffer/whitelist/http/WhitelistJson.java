package io.coffer.whitelist.http;

import io.coffer.whitelist.Whitelist;
import io.coffer.whitelist.WhitelistAddress;
import java.time.Instant;
import java.util.List;

/** The spec's {@code Whitelist}. */
public record WhitelistJson(List<AddressView> addresses, long createdBy, Instant createdOn, String description, long id,
                            Long lastRequest, String name, String status) {

    /** The spec's {@code WhitelistAddress}; tags are left out when there are none. */
    public record AddressView(String address, String currency, List<Long> destinationTags, long id, String name) {
        static AddressView of(WhitelistAddress entry) {
            return new AddressView(entry.address(), entry.currency(),
                    entry.destinationTags().isEmpty() ? null : entry.destinationTags(), entry.id(), entry.name());
        }
    }

    public static WhitelistJson of(Whitelist list) {
        return new WhitelistJson(list.addresses().stream().map(AddressView::of).toList(), list.createdBy(), list.createdOn(),
                list.description().orElse(null), list.id(), list.lastRequest().orElse(null), list.name(),
                list.status().name());
    }
}
