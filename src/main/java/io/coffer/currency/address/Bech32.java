package io.coffer.currency.address;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * Bech32 (BIP-173) and Bech32m (BIP-350) encoding, with a caller-chosen length limit so it also
 * reads Cardano's long addresses.
 */
public final class Bech32 {

    /** Which checksum constant a string uses. */
    public enum Variant {
        BECH32(1), BECH32M(0x2bc830a3);

        final int constant;

        Variant(int constant) {
            this.constant = constant;
        }
    }

    /** A decoded string: human-readable part, 5-bit data without checksum, and its variant. */
    public record Decoded(String hrp, byte[] data, Variant variant) {
    }

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    private Bech32() {
    }

    public static String encode(String hrp, byte[] data5, Variant variant) {
        int checksum = polymod(hrp, data5, new byte[6]) ^ variant.constant;
        StringBuilder out = new StringBuilder(hrp.length() + 1 + data5.length + 6).append(hrp).append('1');
        for (byte value : data5) {
            out.append(CHARSET.charAt(value));
        }
        for (int i = 0; i < 6; i++) {
            out.append(CHARSET.charAt((checksum >>> (5 * (5 - i))) & 31));
        }
        return out.toString();
    }

    public static Optional<Decoded> decode(String input, int maxLength) {
        if (input.length() < 8 || input.length() > maxLength) {
            return Optional.empty();
        }
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c < 33 || c > 126) {
                return Optional.empty();
            }
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
        }
        if (lower && upper) {
            return Optional.empty();
        }
        String text = input.toLowerCase(Locale.ROOT);
        int separator = text.lastIndexOf('1');
        if (separator < 1 || separator + 7 > text.length()) {
            return Optional.empty();
        }
        String hrp = text.substring(0, separator);
        byte[] values = new byte[text.length() - separator - 1];
        for (int i = 0; i < values.length; i++) {
            int value = CHARSET.indexOf(text.charAt(separator + 1 + i));
            if (value < 0) {
                return Optional.empty();
            }
            values[i] = (byte) value;
        }
        byte[] data = java.util.Arrays.copyOf(values, values.length - 6);
        byte[] checksum = java.util.Arrays.copyOfRange(values, values.length - 6, values.length);
        int residue = polymod(hrp, data, checksum);
        for (Variant variant : Variant.values()) {
            if (residue == variant.constant) {
                return Optional.of(new Decoded(hrp, data, variant));
            }
        }
        return Optional.empty();
    }

    /** Regroups bits, e.g. 8-bit bytes to 5-bit groups; empty when padding rules are broken. */
    public static Optional<byte[]> convertBits(byte[] data, int from, int to, boolean pad) {
        int accumulator = 0;
        int bits = 0;
        int maxValue = (1 << to) - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte raw : data) {
            int value = raw & 0xff;
            if (value >>> from != 0) {
                return Optional.empty();
            }
            accumulator = (accumulator << from) | value;
            bits += from;
            while (bits >= to) {
                bits -= to;
                out.write((accumulator >>> bits) & maxValue);
            }
        }
        if (pad) {
            if (bits > 0) {
                out.write((accumulator << (to - bits)) & maxValue);
            }
        } else if (bits >= from || ((accumulator << (to - bits)) & maxValue) != 0) {
            return Optional.empty();
        }
        return Optional.of(out.toByteArray());
    }

    private static int polymod(String hrp, byte[] data, byte[] tail) {
        int checksum = 1;
        for (int i = 0; i < hrp.length(); i++) {
            checksum = step(checksum, hrp.charAt(i) >>> 5);
        }
        checksum = step(checksum, 0);
        for (int i = 0; i < hrp.length(); i++) {
            checksum = step(checksum, hrp.charAt(i) & 31);
        }
        for (byte value : data) {
            checksum = step(checksum, value);
        }
        for (byte value : tail) {
            checksum = step(checksum, value);
        }
        return checksum;
    }

    private static int step(int checksum, int value) {
        int top = checksum >>> 25;
        int next = ((checksum & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < 5; i++) {
            if (((top >>> i) & 1) != 0) {
                next ^= GENERATOR[i];
            }
        }
        return next;
    }
}
