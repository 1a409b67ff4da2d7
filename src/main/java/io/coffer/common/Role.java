package io.coffer.common;

/** What an API user may do in its workspace. */
public enum Role {
    /** Administers the workspace; always sees everything. */
    ADMIN,
    /** Operates accounts it is named on (or all accounts, with view-all). */
    OPERATOR,
    /** A reporting API key: reads the accounts of its entities and what they involve, writes nothing. */
    READ_ONLY_API_KEY;

    /** Whether this role may only read. */
    public boolean readOnly() {
        return this == READ_ONLY_API_KEY;
    }
}
