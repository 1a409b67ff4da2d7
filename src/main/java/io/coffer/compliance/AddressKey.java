package io.coffer.compliance;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form in which list entries and queried addresses are compared: EVM hex addresses and
 * Bech32/CashAddr addresses in lower case (their letter case carries no meaning beyond a checksum),
 * every other address exactly as written (Base58 and the like are case-sensitive).
 */
final class AddressKey {

    private static final Pattern EVM = Pattern.compile("0x[0-9a-fA-F]{40}");
    /** Bech32 of the Bitcoin-like networks the list covers (segwit, Litecoin), either case. */
    private static final Pattern BECH32 = Pattern.compile("(bc|tb|bcrt|ltc|tltc)1[02-9ac-hj-np-z]{6,87}",
            Pattern.CASE_INSENSITIVE);
    /** CashAddr, with or without its prefix; the prefix is dropped so both spellings compare equal. */
    private static final Pattern CASHADDR = Pattern.compile("(bitcoincash:)?[qp][02-9ac-hj-np-z]{41}",
            Pattern.CASE_INSENSITIVE);

    private AddressKey() {
    }

    static String of(String address) {
        if (EVM.matcher(address).matches() || BECH32.matcher(address).matches()) {
            return address.toLowerCase(Locale.ROOT);
        }
        if (CASHADDR.matcher(address).matches()) {
            String lower = address.toLowerCase(Locale.ROOT);
            return lower.startsWith("bitcoincash:") ? lower.substring("bitcoincash:".length()) : lower;
        }
        return address;
    }
}
