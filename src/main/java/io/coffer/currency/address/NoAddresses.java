package io.coffer.currency.address;

/** Fiat currencies: nothing is an address of theirs. */
public record NoAddresses() implements AddressFormat {

    @Override
    public KeyCurve curve() {
        return KeyCurve.NONE;
    }

    @Override
    public boolean isValid(String address) {
        return false;
    }

    @Override
    public String fromPublicKey(byte[] publicKey) {
        throw new UnsupportedOperationException("fiat currencies have no addresses");
    }
}
