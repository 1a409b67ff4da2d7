package io.coffer.db;

/**
 * Who may see what, as SQL conditions over the derived tables the memberships keep current
 * ({@code account_member}: who sees an account; {@code account_governor}, {@code account_group},
 * {@code account_whitelist}: who and what its rules name). Each condition takes the caller's user id
 * as its only parameter; callers that see everything skip them.
 */
public final class Visibility {

    private Visibility() {
    }

    /** The account whose id is {@code accountColumn} is visible. */
    public static String account(String accountColumn) {
        return "EXISTS (SELECT 1 FROM account_member vm WHERE vm.account_id = " + accountColumn + " AND vm.user_id = ?)";
    }

    /** The user is named in the rules of a visible account, or is the caller (two parameters: the caller twice). */
    public static String user(String userColumn) {
        return userColumn + " = ? OR EXISTS (SELECT 1 FROM account_governor vg JOIN account_member vm"
                + " ON vm.account_id = vg.account_id WHERE vg.user_id = " + userColumn + " AND vm.user_id = ?)";
    }

    /** The group is used by a visible account or has the caller as a member (the caller twice). */
    public static String group(String groupColumn) {
        return "EXISTS (SELECT 1 FROM account_group vg JOIN account_member vm ON vm.account_id = vg.account_id"
                + " WHERE vg.group_id = " + groupColumn + " AND vm.user_id = ?)"
                + " OR EXISTS (SELECT 1 FROM group_member vgm WHERE vgm.group_id = " + groupColumn + " AND vgm.user_id = ?)";
    }

    /** The whitelist is used by a visible account. */
    public static String whitelist(String whitelistColumn) {
        return "EXISTS (SELECT 1 FROM account_whitelist vw JOIN account_member vm ON vm.account_id = vw.account_id"
                + " WHERE vw.whitelist_id = " + whitelistColumn + " AND vm.user_id = ?)";
    }

    /** The entity holds a visible account or is one a reporting key reads (the caller twice). */
    public static String entity(String entityColumn) {
        return "EXISTS (SELECT 1 FROM account va JOIN account_member vm ON vm.account_id = va.id"
                + " WHERE va.entity_id = " + entityColumn + " AND vm.user_id = ?)"
                + " OR EXISTS (SELECT 1 FROM reporting_key_entity vk WHERE vk.entity_id = " + entityColumn
                + " AND vk.user_id = ?)";
    }
}
