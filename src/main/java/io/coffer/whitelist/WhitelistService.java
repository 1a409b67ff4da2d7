package io.coffer.whitelist;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.UnitOfWork;
import io.coffer.currency.Currency;
import io.coffer.currency.CurrencyCatalog;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads whitelists as the caller may see them, and checks whitelists before they are requested. */
public final class WhitelistService {

    private static final int MAX_ADDRESSES = 1000;
    private static final int MAX_TAGS = 50;

    private final UnitOfWork unitOfWork;
    private final Whitelists whitelists;
    private final CurrencyCatalog catalog;

    public WhitelistService(UnitOfWork unitOfWork, Whitelists whitelists, CurrencyCatalog catalog) {
        this.unitOfWork = unitOfWork;
        this.whitelists = whitelists;
        this.catalog = catalog;
    }

    public Outcome<Whitelist> get(Caller caller, long whitelistId) {
        return unitOfWork.read(tx -> whitelists.findVisible(tx, caller, whitelistId).map(Outcome::ok)
                .orElseGet(() -> Outcome.notFound("whitelist " + whitelistId + " not found")));
    }

    public Page<Whitelist> search(Caller caller, WhitelistFilter filter, PageRequest page) {
        return unitOfWork.read(tx -> whitelists.search(tx, caller, filter, page));
    }

    /** Checks a whitelist's name, description and addresses: each address must be valid on its network. */
    public Outcome<Void> check(String name, Optional<String> description, List<WhitelistAddress> addresses) {
        if (name.isBlank() || name.length() > 128 || name.chars().anyMatch(Character::isISOControl)) {
            return Outcome.invalid("name must be 1-128 printable characters");
        }
        if (description.isPresent() && description.get().length() > 1000) {
            return Outcome.invalid("description must be at most 1000 characters");
        }
        if (addresses.isEmpty() || addresses.size() > MAX_ADDRESSES) {
            return Outcome.invalid("addresses must hold 1-" + MAX_ADDRESSES + " entries");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < addresses.size(); i++) {
            WhitelistAddress entry = addresses.get(i);
            String at = "addresses[" + i + "]";
            if (entry.name().isBlank() || entry.name().length() > 128) {
                return Outcome.invalid(at + ".name must be 1-128 characters");
            }
            Optional<Currency> currency = catalog.currency(entry.currency()).filter(found -> !found.fiat());
            if (currency.isEmpty()) {
                return Outcome.invalid(at + ".currency: unknown currency '" + entry.currency() + "'");
            }
            if (!currency.get().addresses().isValid(entry.address())) {
                return Outcome.invalid(at + ".address is not a valid " + entry.currency() + " address");
            }
            if (entry.destinationTags().size() > MAX_TAGS) {
                return Outcome.invalid(at + ".destination_tags may hold at most " + MAX_TAGS + " tags");
            }
            if (entry.destinationTags().stream().anyMatch(tag -> tag < 0 || tag > 4_294_967_295L)) {
                return Outcome.invalid(at + ".destination_tags must be between 0 and 4294967295");
            }
            if (!seen.add(entry.currency() + "|" + entry.address().toLowerCase(java.util.Locale.ROOT))) {
                return Outcome.invalid(at + " repeats an address of the list");
            }
        }
        return Outcome.ok(null);
    }

    /** Whether a network's addresses compare without regard to case (EVM hex addresses). */
    public boolean caseInsensitive(String network) {
        return catalog.currency(network).map(Currency::evm).orElse(false);
    }
}
