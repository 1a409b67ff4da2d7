package io.coffer.currency.address;

import java.util.Arrays;
import java.util.List;

/**
 * Tezos addresses: Base58Check of a three-byte prefix and a 20-byte hash ({@code tz1}, {@code tz2},
 * {@code tz3}, {@code tz4} implicit accounts and {@code KT1} contracts). Derived addresses are
 * {@code tz1}: Ed25519 keys hashed with BLAKE2b-160.
 */
public record TezosAddresses() implements AddressFormat {

    private static final byte[] TZ1 = {6, (byte) 161, (byte) 159};
    private static final List<byte[]> PREFIXES = List.of(TZ1,
            new byte[] {6, (byte) 161, (byte) 161},
            new byte[] {6, (byte) 161, (byte) 164},
            new byte[] {6, (byte) 161, (byte) 166},
            new byte[] {2, 90, 121});

    @Override
    public KeyCurve curve() {
        return KeyCurve.ED25519;
    }

    @Override
    public boolean isValid(String address) {
        return Base58.BITCOIN.decodeChecked(address)
                .filter(payload -> payload.length == 23)
                .filter(payload -> PREFIXES.stream().anyMatch(prefix -> Arrays.equals(prefix, Arrays.copyOf(payload, 3))))
                .isPresent();
    }

    @Override
    public String fromPublicKey(byte[] publicKey) {
        return Base58.BITCOIN.encodeChecked(Hashes.concat(TZ1, Hashes.blake2b(publicKey, 20)));
    }
}
