package io.coffer.workspace;

import java.time.Duration;
import java.time.Instant;

/** A tenant of the server: everything it holds is invisible from every other workspace. */
public record Workspace(long id, String name, io.coffer.common.WorkspaceKind kind, Instant createdOn, Duration clockOffset) {
}
