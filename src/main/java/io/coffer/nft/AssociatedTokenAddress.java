package io.coffer.nft;

import io.coffer.currency.address.Base58;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The address of an owner's associated token account for a mint, as the SPL Associated Token
 * Account program derives it: the program-derived address of (owner, token program, mint) under
 * the associated token program, i.e. the first SHA-256 of seeds, bump, program id and the PDA marker
 * (bump from 255 down) that is not a point of the Ed25519 curve.
 */
public final class AssociatedTokenAddress {

    static final String TOKEN_PROGRAM = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";
    static final String ASSOCIATED_TOKEN_PROGRAM = "ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL";
    private static final byte[] PDA_MARKER = "ProgramDerivedAddress".getBytes(StandardCharsets.US_ASCII);

    private AssociatedTokenAddress() {
    }

    /** A 32-byte Solana public key from its Base58 spelling, if it is one. */
    public static Optional<byte[]> key(String base58) {
        if (base58.length() < 32 || base58.length() > 44) {
            return Optional.empty();
        }
        return Base58.BITCOIN.decode(base58).filter(bytes -> bytes.length == 32);
    }

    /** The associated token account of {@code owner} for {@code mint}, both Base58 keys. */
    public static String of(String owner, String mint) {
        byte[] ownerKey = key(owner).orElseThrow(() -> new IllegalArgumentException("owner is not a Solana key"));
        byte[] mintKey = key(mint).orElseThrow(() -> new IllegalArgumentException("mint is not a Solana key"));
        byte[] tokenProgram = key(TOKEN_PROGRAM).orElseThrow();
        byte[] program = key(ASSOCIATED_TOKEN_PROGRAM).orElseThrow();
        for (int bump = 255; bump >= 0; bump--) {
            ByteArrayOutputStream input = new ByteArrayOutputStream(32 * 4 + 1 + PDA_MARKER.length);
            input.writeBytes(ownerKey);
            input.writeBytes(tokenProgram);
            input.writeBytes(mintKey);
            input.write(bump);
            input.writeBytes(program);
            input.writeBytes(PDA_MARKER);
            byte[] candidate = sha256(input.toByteArray());
            // A program-derived address must have no private key: it must not decode as a curve point.
            if (!Ed25519.validatePublicKeyPartial(candidate, 0)) {
                return Base58.BITCOIN.encode(candidate);
            }
        }
        throw new IllegalStateException("no off-curve bump for this owner and mint");
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
