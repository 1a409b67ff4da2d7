package io.coffer.currency.address;

/** Cosmos SDK addresses: Bech32 with the chain's prefix over 20 bytes (accounts) or 32 (modules). */
public record CosmosAddresses(String hrp) implements AddressFormat {

    @Override
    public KeyCurve curve() {
        return KeyCurve.SECP256K1;
    }

    @Override
    public boolean isValid(String address) {
        return Bech32.decode(address, 90)
                .filter(decoded -> decoded.hrp().equals(hrp) && decoded.variant() == Bech32.Variant.BECH32)
                .flatMap(decoded -> Bech32.convertBits(decoded.data(), 5, 8, false))
                .filter(bytes -> bytes.length == 20 || bytes.length == 32)
                .isPresent();
    }

    @Override
    public String fromPublicKey(byte[] publicKey) {
        byte[] data = Bech32.convertBits(Hashes.hash160(publicKey), 8, 5, true).orElseThrow();
        return Bech32.encode(hrp, data, Bech32.Variant.BECH32);
    }
}
