package io.coffer.network;

import java.time.Instant;

/** A block of a simulated network. */
public record Block(long height, String hash, Instant time) {
}
