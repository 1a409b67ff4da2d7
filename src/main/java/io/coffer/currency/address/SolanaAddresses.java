package io.coffer.currency.address;

/** Solana addresses: the 32-byte account key in Base58 (no checksum exists in the format). */
public record SolanaAddresses() implements AddressFormat {

    @Override
    public KeyCurve curve() {
        return KeyCurve.ED25519;
    }

    @Override
    public boolean isValid(String address) {
        return address.length() >= 32 && address.length() <= 44
                && Base58.BITCOIN.decode(address).filter(bytes -> bytes.length == 32).isPresent();
    }

    @Override
    public String fromPublicKey(byte[] publicKey) {
        return Base58.BITCOIN.encode(publicKey);
    }
}
