package io.coffer.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.impl.ECDSA;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Address JWTs: {@code {"address", "derivation_path", "blockchain_name"}} signed ES256 with the
 * workspace's leaf key, so a client can check an address against {@code /certificates/chain}.
 *
 * <p>The API's schema restricts the header and payload segments to {@code [a-zA-Z0-9_=]}, which
 * base64url's {@code -} can break. JSON allows insignificant whitespace between tokens and
 * {@code \\u} escapes inside strings, so the payload is spelled, among equivalent JSON texts,
 * as one whose encoding has no {@code -}; every JSON parser reads the same values.
 */
public final class AddressJwt {

    private static final String HEADER = "{\"typ\":\"JWT\",\"alg\":\"ES256\"}";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final int SEARCH_BUDGET = 200_000;

    private AddressJwt() {
    }

    public static String sign(byte[] leafPrivateKeyPkcs8, String address, String derivationPath, String blockchainName) {
        String header = BASE64URL.encodeToString(HEADER.getBytes(StandardCharsets.US_ASCII));
        String payload = BASE64URL.encodeToString(payloadBytes(List.of(
                new String[] {"address", address},
                new String[] {"derivation_path", derivationPath},
                new String[] {"blockchain_name", blockchainName})));
        String signingInput = header + "." + payload;
        return signingInput + "." + BASE64URL.encodeToString(es256(leafPrivateKeyPkcs8, signingInput));
    }

    /** The JSON payload, spelled so that its base64url encoding contains no '-' when possible. */
    static byte[] payloadBytes(List<String[]> fields) {
        List<List<byte[]>> slots = new ArrayList<>();
        structural(slots, "{");
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                structural(slots, ",");
            }
            string(slots, fields.get(i)[0]);
            structural(slots, ":");
            string(slots, fields.get(i)[1]);
        }
        structural(slots, "}");
        byte[] buffer = new byte[slots.size() * 8];
        int[] budget = {SEARCH_BUDGET};
        int length = search(slots, 0, buffer, 0, budget);
        if (length < 0) {
            length = plain(slots, buffer);
        }
        return java.util.Arrays.copyOf(buffer, length);
    }

    private static int search(List<List<byte[]>> slots, int slot, byte[] buffer, int length, int[] budget) {
        if (slot == slots.size()) {
            return lastGroupClean(buffer, length) ? length : -1;
        }
        for (byte[] option : slots.get(slot)) {
            if (--budget[0] < 0) {
                return -1;
            }
            System.arraycopy(option, 0, buffer, length, option.length);
            int end = length + option.length;
            if (completeGroupsClean(buffer, length, end)) {
                int result = search(slots, slot + 1, buffer, end, budget);
                if (result >= 0) {
                    return result;
                }
            }
        }
        return -1;
    }

    /** Checks every 3-byte group completed by bytes [from, to). */
    private static boolean completeGroupsClean(byte[] buffer, int from, int to) {
        int firstGroup = from / 3;
        int lastComplete = to / 3;
        for (int group = firstGroup; group < lastComplete; group++) {
            int i = group * 3;
            int bits = (buffer[i] & 0xff) << 16 | (buffer[i + 1] & 0xff) << 8 | (buffer[i + 2] & 0xff);
            if ((bits >>> 18 & 63) == 62 || (bits >>> 12 & 63) == 62 || (bits >>> 6 & 63) == 62 || (bits & 63) == 62) {
                return false;
            }
        }
        return true;
    }

    private static boolean lastGroupClean(byte[] buffer, int length) {
        int rest = length % 3;
        if (rest == 0) {
            return true;
        }
        int i = length - rest;
        int bits = (buffer[i] & 0xff) << 16 | (rest == 2 ? (buffer[i + 1] & 0xff) << 8 : 0);
        int sextets = rest == 1 ? 2 : 3;
        for (int s = 0; s < sextets; s++) {
            if ((bits >>> (18 - 6 * s) & 63) == 62) {
                return false;
            }
        }
        return true;
    }

    private static int plain(List<List<byte[]>> slots, byte[] buffer) {
        int length = 0;
        for (List<byte[]> slot : slots) {
            byte[] first = slot.getFirst();
            System.arraycopy(first, 0, buffer, length, first.length);
            length += first.length;
        }
        return length;
    }

    private static void structural(List<List<byte[]>> slots, String token) {
        slots.add(List.of(ascii(token), ascii(" " + token), ascii("  " + token)));
    }

    private static void string(List<List<byte[]>> slots, String value) {
        structural(slots, "\"");
        for (char c : value.toCharArray()) {
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                throw new IllegalArgumentException("address JWT fields must be printable ASCII without quotes");
            }
            String hex = String.format("%04x", (int) c);
            slots.add(List.of(ascii(String.valueOf(c)), ascii("\\u" + hex), ascii("\\u" + hex.toUpperCase(java.util.Locale.ROOT))));
        }
        slots.add(List.of(ascii("\"")));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] es256(byte[] pkcs8, String signingInput) {
        try {
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return ECDSA.transcodeSignatureToConcat(signature.sign(), 64);
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("cannot sign address JWT", e);
        }
    }
}
