package io.coffer.currency.address;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * NEAR account ids: implicit accounts (64 lowercase hex digits of an Ed25519 key, or 0x and 40
 * hex digits) and named accounts (2-64 characters in NEAR's naming rules).
 */
public record NearAddresses() implements AddressFormat {

    private static final Pattern IMPLICIT = Pattern.compile("[0-9a-f]{64}|0x[0-9a-f]{40}");
    private static final Pattern NAMED = Pattern.compile("(([a-z\\d]+[-_])*[a-z\\d]+\\.)*([a-z\\d]+[-_])*[a-z\\d]+");

    @Override
    public KeyCurve curve() {
        return KeyCurve.ED25519;
    }

    @Override
    public boolean isValid(String address) {
        if (IMPLICIT.matcher(address).matches()) {
            return true;
        }
        return address.length() >= 2 && address.length() <= 64 && NAMED.matcher(address).matches();
    }

    @Override
    public String fromPublicKey(byte[] publicKey) {
        return HexFormat.of().formatHex(publicKey);
    }
}
