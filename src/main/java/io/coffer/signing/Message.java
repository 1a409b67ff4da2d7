package io.coffer.signing;

import java.time.Instant;
import java.util.Optional;

/**
 * A message to sign with an account's key, and once signed its signature.
 *
 * @param address the address whose key signs (the account's)
 * @param data the message as asked: the text (EIP-191) or the typed data JSON (EIP-712)
 * @param signHash the 32-byte hash (hex) that is signed, fixed when the request is made
 * @param signature {@code 0x} + r || s || v (v = 27 or 28), once signed
 * @param requestId the request that governs it (0 while it is being created)
 */
public record Message(long id, long workspaceId, long accountId, String address, MessageType type, String data,
                      String signHash, SigningStatus status, Optional<String> signature, long requestId, long createdBy,
                      Instant createdOn, Optional<SigningNote> note) {

    public Message withSignature(SigningStatus newStatus, Optional<String> newSignature) {
        return new Message(id, workspaceId, accountId, address, type, data, signHash, newStatus, newSignature, requestId,
                createdBy, createdOn, note);
    }
}
