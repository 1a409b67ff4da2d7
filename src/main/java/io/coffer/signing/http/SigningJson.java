package io.coffer.signing.http;

import io.coffer.signing.DigestBatch;
import io.coffer.signing.Message;
import io.coffer.signing.SigningNote;
import io.coffer.signing.SigningStatus;
import java.time.Instant;
import java.util.List;

/** The spec's {@code Message} and {@code Digests} (with {@code ToSignDigest} or {@code SignedDigest} items). */
public final class SigningJson {

    private SigningJson() {
    }

    public record NoteView(String content, String title) {
    }

    /** The spec's {@code Message}; absent values (address, signature, last request) are left out. */
    public record MessageView(long accountId, String address, long createdBy, Instant createdOn, String data, long id,
                              Long lastRequest, String messageType, List<NoteView> notes, String signature,
                              String status) {
    }

    /** The spec's {@code Digests}. */
    public record DigestsView(long accountId, long createdBy, Instant createdOn, List<Object> digestsData, long id,
                              Long lastRequest, List<NoteView> notes, String status) {
    }

    /** The spec's {@code ToSignDigest}. */
    public record ToSignView(String derivationPath, String digest) {
    }

    /** The spec's {@code SignedDigest}. */
    public record SignedView(String derivationPath, String digest, String pubKey, SignatureView signature) {
    }

    /** The spec's {@code DigestSignature}: r and s as decimal strings. */
    public record SignatureView(String der, String r, String s, Integer v) {
    }

    public static MessageView message(Message message) {
        return new MessageView(message.accountId(), message.address(), message.createdBy(), message.createdOn(),
                message.data(), message.id(), message.requestId() > 0 ? message.requestId() : null,
                message.type().apiName(), notes(message.note()), message.signature().orElse(null),
                message.status().name());
    }

    public static DigestsView digests(DigestBatch batch) {
        boolean signed = batch.status() == SigningStatus.SIGNED;
        List<Object> items = batch.items().stream().<Object>map(item -> signed && item.signed().isPresent()
                ? new SignedView("m/" + item.path(), item.digest(), item.signed().get().publicKey(),
                        new SignatureView(item.signed().get().der().orElse(null), item.signed().get().r().toString(),
                                item.signed().get().s().toString(), item.signed().get().v().orElse(null)))
                : new ToSignView("m/" + item.path(), item.digest())).toList();
        return new DigestsView(batch.accountId(), batch.createdBy(), batch.createdOn(), items, batch.id(),
                batch.requestId() > 0 ? batch.requestId() : null, notes(batch.note()), batch.status().name());
    }

    private static List<NoteView> notes(java.util.Optional<SigningNote> note) {
        return note.map(n -> List.of(new NoteView(n.content(), n.title()))).orElse(List.of());
    }
}
