package io.coffer.signing;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A batch of raw 32-byte digests to sign with an account's keys, and once signed their signatures. */
public record DigestBatch(long id, long workspaceId, long accountId, SigningStatus status, List<Item> items,
                          long requestId, long createdBy, Instant createdOn, Optional<SigningNote> note) {

    public DigestBatch {
        items = List.copyOf(items);
    }

    /**
     * One digest and the key path that signs it.
     *
     * @param digest 64 lowercase hex digits
     * @param path the full derivation path, as Coffer writes paths ({@code 44'/60'/0'/0/0})
     */
    public record Item(String digest, String path, Optional<Signed> signed) {
    }

    /**
     * A digest's signature. For secp256k1, r and s are the ECDSA values (s low), v is 27 + the
     * recovery id and der the DER encoding; for Ed25519, r and s are the two 32-byte halves of the
     * signature read as unsigned big-endian numbers, and there is no v or der.
     *
     * @param publicKey {@code 0x} + the compressed secp256k1 key (33 bytes) or the Ed25519 key (32 bytes)
     */
    public record Signed(String publicKey, BigInteger r, BigInteger s, Optional<Integer> v, Optional<String> der) {
    }

    public DigestBatch withItems(SigningStatus newStatus, List<Item> newItems) {
        return new DigestBatch(id, workspaceId, accountId, newStatus, newItems, requestId, createdBy, createdOn, note);
    }
}
