package io.coffer.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * SLIP-0010 key derivation for Ed25519: HMAC-SHA512 chains from the seed, hardened steps only.
 * The primitives are the JDK's HMAC and BouncyCastle's Ed25519.
 */
final class Slip10 {

    private static final byte[] CURVE_KEY = "ed25519 seed".getBytes(StandardCharsets.US_ASCII);
    private static final int HARDENED = 0x80000000;

    private Slip10() {
    }

    /** The 32-byte private key at a path. */
    static byte[] privateKey(byte[] seed, HdPath path) {
        byte[] node = hmac(CURVE_KEY, seed);
        for (int i = 0; i < path.steps().size(); i++) {
            if (!path.hardened().get(i)) {
                throw new IllegalArgumentException("Ed25519 derivation supports hardened steps only: " + path);
            }
            byte[] key = Arrays.copyOf(node, 32);
            byte[] chainCode = Arrays.copyOfRange(node, 32, 64);
            byte[] data = ByteBuffer.allocate(37).put((byte) 0).put(key).putInt(path.steps().get(i) | HARDENED).array();
            node = hmac(chainCode, data);
        }
        return Arrays.copyOf(node, 32);
    }

    static byte[] publicKey(byte[] seed, HdPath path) {
        return new Ed25519PrivateKeyParameters(privateKey(seed, path), 0).generatePublicKey().getEncoded();
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(key, "HmacSHA512"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA512 is not available", e);
        }
    }
}
