package io.coffer.currency.address;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/** The hash functions chain address formats are built on, all from the JDK or BouncyCastle. */
public final class Hashes {

    private Hashes() {
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public static byte[] doubleSha256(byte[] data) {
        return sha256(sha256(data));
    }

    /** RIPEMD-160 of SHA-256, Bitcoin's HASH160. */
    public static byte[] hash160(byte[] data) {
        byte[] sha = sha256(data);
        RIPEMD160Digest digest = new RIPEMD160Digest();
        digest.update(sha, 0, sha.length);
        byte[] out = new byte[20];
        digest.doFinal(out, 0);
        return out;
    }

    public static byte[] keccak256(byte[] data) {
        KeccakDigest digest = new KeccakDigest(256);
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    public static byte[] blake2b(byte[] data, int outBytes) {
        Blake2bDigest digest = new Blake2bDigest(outBytes * 8);
        digest.update(data, 0, data.length);
        byte[] out = new byte[outBytes];
        digest.doFinal(out, 0);
        return out;
    }

    /** The first four bytes of a double SHA-256, the Base58Check checksum. */
    public static byte[] checksum4(byte[] data) {
        return Arrays.copyOf(doubleSha256(data), 4);
    }

    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int position = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, position, part.length);
            position += part.length;
        }
        return out;
    }
}
