package io.coffer.governance;

/** What a vote says, as the API names it ({@code VaultCollectedApproval.type}). */
public enum VoteKind {
    APPROVE, ABORT
}
