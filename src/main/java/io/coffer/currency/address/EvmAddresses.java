package io.coffer.currency.address;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * EVM addresses: 20 bytes in hex. Mixed-case addresses must carry a valid EIP-55 checksum;
 * all-lowercase or all-uppercase ones have none to check.
 */
public record EvmAddresses() implements AddressFormat {

    @Override
    public KeyCurve curve() {
        return KeyCurve.SECP256K1;
    }

    @Override
    public boolean isValid(String address) {
        if (address.length() != 42 || !address.startsWith("0x") || !address.substring(2).matches("[0-9a-fA-F]{40}")) {
            return false;
        }
        String hex = address.substring(2);
        if (hex.equals(hex.toLowerCase(Locale.ROOT)) || hex.equals(hex.toUpperCase(Locale.ROOT))) {
            return true;
        }
        return checksummed(hex).equals(address);
    }

    @Override
    public String fromPublicKey(byte[] publicKey) {
        byte[] hash = Hashes.keccak256(Secp256k1.uncompressedXY(publicKey));
        return checksummed(HexFormat.of().formatHex(Arrays.copyOfRange(hash, 12, 32)));
    }

    /** The EIP-55 spelling of a 40-digit hex address (with {@code 0x}). */
    public static String checksummed(String hex) {
        String lower = hex.toLowerCase(Locale.ROOT);
        String hashHex = HexFormat.of().formatHex(Hashes.keccak256(lower.getBytes(StandardCharsets.US_ASCII)));
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            out.append(Character.digit(hashHex.charAt(i), 16) >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }
}
