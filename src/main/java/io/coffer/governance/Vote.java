package io.coffer.governance;

import java.time.Instant;
import java.util.OptionalInt;

/**
 * One user's vote on a request.
 *
 * @param stepIndex the approval step the vote counted for; empty for a creator's first approval
 *     outside every step, and for rejections
 */
public record Vote(long userId, VoteKind kind, OptionalInt stepIndex, Instant at) {
}
