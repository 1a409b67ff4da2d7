package io.coffer.currency.address;

/** XRP Ledger classic addresses: Base58Check in Ripple's alphabet of 0x00 and the key's HASH160. */
public record RippleAddresses() implements AddressFormat {

    @Override
    public KeyCurve curve() {
        return KeyCurve.SECP256K1;
    }

    @Override
    public boolean isValid(String address) {
        return address.startsWith("r") && Base58.RIPPLE.decodeChecked(address)
                .filter(payload -> payload.length == 21 && payload[0] == 0)
                .isPresent();
    }

    @Override
    public String fromPublicKey(byte[] publicKey) {
        return Base58.RIPPLE.encodeChecked(Hashes.concat(new byte[] {0}, Hashes.hash160(publicKey)));
    }
}
