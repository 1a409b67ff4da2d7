package io.coffer.currency.address;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * Base58 with a chosen alphabet (Bitcoin's, or Ripple's) and the Base58Check variant with a
 * four-byte double-SHA-256 checksum.
 */
public final class Base58 {

    public static final Base58 BITCOIN = new Base58("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz");
    public static final Base58 RIPPLE = new Base58("rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz");

    private static final int MAX_DECODED_CHARS = 256;

    private final char[] alphabet;
    private final int[] indexes = new int[128];

    private Base58(String alphabet) {
        this.alphabet = alphabet.toCharArray();
        Arrays.fill(indexes, -1);
        for (int i = 0; i < this.alphabet.length; i++) {
            indexes[this.alphabet[i]] = i;
        }
    }

    public String encode(byte[] input) {
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        byte[] digits = new byte[input.length * 2];
        int length = 0;
        for (int i = zeros; i < input.length; i++) {
            int carry = input[i] & 0xff;
            for (int j = 0; j < length; j++) {
                carry += (digits[j] & 0xff) << 8;
                digits[j] = (byte) (carry % 58);
                carry /= 58;
            }
            while (carry > 0) {
                digits[length++] = (byte) (carry % 58);
                carry /= 58;
            }
        }
        StringBuilder out = new StringBuilder(zeros + length);
        for (int i = 0; i < zeros; i++) {
            out.append(alphabet[0]);
        }
        for (int i = length - 1; i >= 0; i--) {
            out.append(alphabet[digits[i]]);
        }
        return out.toString();
    }

    public Optional<byte[]> decode(String input) {
        if (input.isEmpty() || input.length() > MAX_DECODED_CHARS) {
            return Optional.empty();
        }
        int zeros = 0;
        while (zeros < input.length() && input.charAt(zeros) == alphabet[0]) {
            zeros++;
        }
        byte[] bytes = new byte[input.length()];
        int length = 0;
        for (int i = zeros; i < input.length(); i++) {
            char c = input.charAt(i);
            int digit = c < 128 ? indexes[c] : -1;
            if (digit < 0) {
                return Optional.empty();
            }
            int carry = digit;
            for (int j = 0; j < length; j++) {
                carry += (bytes[j] & 0xff) * 58;
                bytes[j] = (byte) carry;
                carry >>= 8;
            }
            while (carry > 0) {
                bytes[length++] = (byte) carry;
                carry >>= 8;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(zeros + length);
        for (int i = 0; i < zeros; i++) {
            out.write(0);
        }
        for (int i = length - 1; i >= 0; i--) {
            out.write(bytes[i]);
        }
        return Optional.of(out.toByteArray());
    }

    public String encodeChecked(byte[] payload) {
        return encode(Hashes.concat(payload, Hashes.checksum4(payload)));
    }

    /** Decodes Base58Check and returns the payload without its checksum, if the checksum holds. */
    public Optional<byte[]> decodeChecked(String input) {
        return decode(input).filter(raw -> raw.length > 4).flatMap(raw -> {
            byte[] payload = Arrays.copyOf(raw, raw.length - 4);
            byte[] checksum = Arrays.copyOfRange(raw, raw.length - 4, raw.length);
            return Arrays.equals(checksum, Hashes.checksum4(payload)) ? Optional.of(payload) : Optional.empty();
        });
    }
}
