package io.coffer.common;

/** What an API user may do in its workspace. */
public enum Role {
    /** Administers the workspace; always sees everything. */
    ADMIN,
    /** Operates accounts it is named on (or all accounts, with view-all). */
    OPERATOR
}
