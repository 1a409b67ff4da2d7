package io.coffer.compliance;

import io.coffer.currency.address.Base58;
import io.coffer.currency.address.Bech32;
import io.coffer.currency.address.BitcoinCashAddresses;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The form in which list entries and queried addresses are compared, so that no other spelling of a
 * listed address that a network accepts slips past the list: EVM hex and Bech32 addresses in lower
 * case (their letter case carries no meaning beyond a checksum), CashAddr addresses as their legacy
 * Base58 spelling, P2SH addresses of networks that accept two version bytes under Bitcoin's, and every
 * other address exactly as written (Base58 and the like are case-sensitive).
 */
final class AddressKey {

    /** Bitcoin's P2SH version byte (addresses starting with 3). */
    static final int BITCOIN_P2SH = 0x05;
    /**
     * P2SH versions of networks that moved off Bitcoin's and still accept it for the same script:
     * Litecoin's {@code M...} (0x32) and DigiByte's {@code S...} (0x3f); a test checks the catalog agrees.
     */
    static final Set<Integer> ALIASED_P2SH = Set.of(0x32, 0x3f);

    private static final Pattern EVM = Pattern.compile("0[xX][0-9a-fA-F]{40}");
    /** Bech32 of the Bitcoin-like networks the list covers (segwit, Litecoin), either case, checksum or not. */
    private static final Pattern BECH32 = Pattern.compile("(bc|tb|bcrt|ltc|tltc)1[02-9ac-hj-np-z]{6,87}",
            Pattern.CASE_INSENSITIVE);
    /** CashAddr, with or without its prefix; the prefix is dropped so both spellings compare equal. */
    private static final Pattern CASHADDR = Pattern.compile("(bitcoincash:)?[qp][02-9ac-hj-np-z]{41}",
            Pattern.CASE_INSENSITIVE);

    private AddressKey() {
    }

    static String of(String address) {
        if (EVM.matcher(address).matches()) {
            return "0x" + address.substring(2).toLowerCase(Locale.ROOT);
        }
        if (CASHADDR.matcher(address).matches()) {
            String lower = address.toLowerCase(Locale.ROOT);
            // A valid CashAddr address is the same key or script as its legacy spelling, which the network takes too.
            Optional<String> legacy = BitcoinCashAddresses.legacy(lower);
            if (legacy.isPresent()) {
                return legacy.get();
            }
            return lower.startsWith("bitcoincash:") ? lower.substring("bitcoincash:".length()) : lower;
        }
        // Bech32 (any prefix: segwit, Cosmos, Cardano, Zcash...) is case-insensitive by definition.
        if (BECH32.matcher(address).matches() || Bech32.decode(address, ComplianceLists.MAX_ADDRESS_CHARS).isPresent()) {
            return address.toLowerCase(Locale.ROOT);
        }
        return bitcoinScript(address);
    }

    /** A P2SH address under an aliased version, spelled with Bitcoin's version; anything else unchanged. */
    private static String bitcoinScript(String address) {
        if (address.length() < 26 || address.length() > 35) {
            return address;
        }
        return Base58.BITCOIN.decodeChecked(address)
                .filter(payload -> payload.length == 21 && ALIASED_P2SH.contains(payload[0] & 0xff))
                .map(payload -> {
                    byte[] canonical = payload.clone();
                    canonical[0] = (byte) BITCOIN_P2SH;
                    return Base58.BITCOIN.encodeChecked(canonical);
                })
                .orElse(address);
    }
}
