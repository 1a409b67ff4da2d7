package io.coffer.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals key material at rest: AES-256-GCM under the master key (the key-encryption key, kept in a
 * file apart from the database), with a fresh 96-bit nonce per value and the value's place (its
 * workspace and field) as associated data, so a sealed value copied to another row does not open.
 * A database dump without the master key signs nothing and forges nothing.
 */
public final class KeyVault {

    /** Length of a master key. */
    public static final int KEY_BYTES = 32;
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A sealed value that does not open: wrong master key, or a value moved or altered. */
    public static final class SealBroken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SealBroken(String message) {
            super(message, null, false, false);
        }
    }

    private final SecretKeySpec key;
    private final SecureRandom random;
    private final String keyId;

    public KeyVault(byte[] masterKey, SecureRandom random) {
        if (masterKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("a master key is " + KEY_BYTES + " bytes, got " + masterKey.length);
        }
        this.key = new SecretKeySpec(masterKey.clone(), "AES");
        this.random = random;
        this.keyId = id(masterKey);
    }

    /** A short public fingerprint of the master key, to tell keys apart in messages (never the key itself). */
    public String keyId() {
        return keyId;
    }

    /** The place of a workspace's secret, e.g. {@code workspace:acme:seed}: opening it anywhere else fails. */
    public static String workspacePlace(String workspaceName, String field) {
        return "workspace:" + workspaceName + ":" + field;
    }

    /** Whether a stored value is sealed (rather than left in clear by a version before sealing). */
    public static boolean isSealed(String stored) {
        return stored.startsWith(PREFIX);
    }

    /** Seals a value for a place, e.g. {@code workspace:acme:seed}. */
    public String seal(byte[] plain, String place) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(place.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Opens a value sealed for this place; {@link SealBroken} if it was sealed under another key or place. */
    public byte[] open(String sealed, String place) {
        if (!isSealed(sealed)) {
            throw new SealBroken("the value at " + place + " is not sealed");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SealBroken("the value at " + place + " is not a sealed value");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealBroken("the value at " + place + " is too short to be sealed");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(place.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SealBroken("the value at " + place + " does not open with master key " + keyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static String id(byte[] masterKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("coffer master key id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(masterKey), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "KeyVault[key " + keyId + "]";
    }
}
