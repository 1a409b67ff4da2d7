package io.coffer.limits;

/** One unit taken from an hourly count, to be given back if the call does not succeed. */
public record Ticket(long workspaceId, long userId, LimitKind kind, HourWindow window) {
}
