package io.coffer.currency.address;

import java.util.Arrays;

/** TRON addresses: Base58Check of 0x41 followed by the last 20 bytes of the key's Keccak-256. */
public record TronAddresses() implements AddressFormat {

    private static final byte PREFIX = 0x41;

    @Override
    public KeyCurve curve() {
        return KeyCurve.SECP256K1;
    }

    @Override
    public boolean isValid(String address) {
        return Base58.BITCOIN.decodeChecked(address)
                .filter(payload -> payload.length == 21 && payload[0] == PREFIX)
                .isPresent();
    }

    @Override
    public String fromPublicKey(byte[] publicKey) {
        byte[] hash = Hashes.keccak256(Secp256k1.uncompressedXY(publicKey));
        return Base58.BITCOIN.encodeChecked(Hashes.concat(new byte[] {PREFIX}, Arrays.copyOfRange(hash, 12, 32)));
    }
}
