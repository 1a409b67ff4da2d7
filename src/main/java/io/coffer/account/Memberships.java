package io.coffer.account;

import io.coffer.common.Tx;

/**
 * Keeps the derived answers to "who governs, and who sees, each account" current. Called in the same
 * transaction as every change to rules, groups, entities or reporting keys.
 *
 * <p>Who sees an account: the users its rules name, directly or as members of an active group; every
 * such user of any account of the same active entity; the reporting keys of that entity. Admins and
 * view-all users see everything without it.
 */
public interface Memberships {

    /** Recomputes the workspace's memberships (serialised per workspace). */
    void refresh(Tx tx, long workspaceId);
}
