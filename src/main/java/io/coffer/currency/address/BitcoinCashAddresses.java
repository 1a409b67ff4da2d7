package io.coffer.currency.address;

import java.util.Locale;

/**
 * Bitcoin Cash addresses: CashAddr ({@code bitcoincash:q...}, with or without the prefix) and the
 * legacy Base58Check forms. Derived addresses are CashAddr P2PKH.
 */
public record BitcoinCashAddresses() implements AddressFormat {

    private static final String PREFIX = "bitcoincash";
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final long[] GENERATOR = {0x98f2bc8e61L, 0x79b76d99e2L, 0xf33e5fb3c4L, 0xae2eabe2a8L, 0x1e4f43e470L};
    private static final BitcoinAddresses LEGACY = new BitcoinAddresses(0x00, java.util.List.of(0x05), java.util.Optional.empty());

    @Override
    public KeyCurve curve() {
        return KeyCurve.SECP256K1;
    }

    @Override
    public boolean isValid(String address) {
        return LEGACY.isValid(address) || cashAddrPayload(address).isPresent();
    }

    /**
     * The legacy Base58Check spelling (P2PKH {@code 1...} or P2SH {@code 3...}) of a CashAddr address:
     * the same key or script hash, which the network accepts in either form. Empty for anything that
     * is not a valid CashAddr address.
     */
    public static java.util.Optional<String> legacy(String cashAddr) {
        return cashAddrPayload(cashAddr).map(payload -> Base58.BITCOIN.encodeChecked(Hashes.concat(
                new byte[] {(byte) (payload[0] == 0x00 ? 0x00 : 0x05)}, java.util.Arrays.copyOfRange(payload, 1, 21))));
    }

    /** The version byte and 20-byte hash of a valid CashAddr address (prefix optional, one letter case). */
    private static java.util.Optional<byte[]> cashAddrPayload(String address) {
        if (address.length() > PREFIX.length() + 1 + 42) {
            return java.util.Optional.empty();
        }
        boolean lower = !address.equals(address.toUpperCase(Locale.ROOT));
        boolean upper = !address.equals(address.toLowerCase(Locale.ROOT));
        if (lower && upper) {
            return java.util.Optional.empty();
        }
        String text = address.toLowerCase(Locale.ROOT);
        if (text.startsWith(PREFIX + ":")) {
            text = text.substring(PREFIX.length() + 1);
        }
        if (text.length() != 42) {
            return java.util.Optional.empty();
        }
        byte[] values = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            int value = CHARSET.indexOf(text.charAt(i));
            if (value < 0) {
                return java.util.Optional.empty();
            }
            values[i] = (byte) value;
        }
        if (polymod(values) != 0) {
            return java.util.Optional.empty();
        }
        byte[] payload = Bech32.convertBits(java.util.Arrays.copyOf(values, values.length - 8), 5, 8, false).orElse(null);
        if (payload == null || payload.length != 21) {
            return java.util.Optional.empty();
        }
        int version = payload[0] & 0xff;
        return version == 0x00 || version == 0x08 ? java.util.Optional.of(payload) : java.util.Optional.empty();
    }

    @Override
    public String fromPublicKey(byte[] publicKey) {
        byte[] payload = Hashes.concat(new byte[] {0x00}, Hashes.hash160(publicKey));
        byte[] data = Bech32.convertBits(payload, 8, 5, true).orElseThrow();
        byte[] withChecksum = java.util.Arrays.copyOf(data, data.length + 8);
        long checksum = polymod(withChecksum);
        StringBuilder out = new StringBuilder(PREFIX).append(':');
        for (byte value : data) {
            out.append(CHARSET.charAt(value));
        }
        for (int i = 0; i < 8; i++) {
            out.append(CHARSET.charAt((int) ((checksum >>> (5 * (7 - i))) & 31)));
        }
        return out.toString();
    }

    /** CashAddr's 40-bit BCH checksum over the prefix (low 5 bits), a zero separator and the data. */
    private static long polymod(byte[] values) {
        long checksum = 1;
        for (int i = 0; i < PREFIX.length(); i++) {
            checksum = step(checksum, PREFIX.charAt(i) & 31);
        }
        checksum = step(checksum, 0);
        for (byte value : values) {
            checksum = step(checksum, value);
        }
        return checksum ^ 1;
    }

    private static long step(long checksum, int value) {
        long top = checksum >>> 35;
        long next = ((checksum & 0x07ffffffffL) << 5) ^ value;
        for (int i = 0; i < 5; i++) {
            if (((top >>> i) & 1) != 0) {
                next ^= GENERATOR[i];
            }
        }
        return next;
    }
}
