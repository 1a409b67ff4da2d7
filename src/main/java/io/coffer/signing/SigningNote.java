package io.coffer.signing;

/** The spec's {@code TransactionOrMessageNote} on a message or a digests batch. */
public record SigningNote(String title, String content) {
}
