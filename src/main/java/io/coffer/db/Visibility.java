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

    /**
     * The request in table alias {@code r} is visible: it acts on a visible account, or on a visible
     * user (the caller three times).
     */
    public static String request(String alias) {
        return "(" + alias + ".account_id IS NOT NULL AND " + account(alias + ".account_id") + ") OR (" + alias
                + ".target_type = 'USER' AND (" + user(alias + ".target_id") + "))";
    }

    /** Parameters {@link #event} takes, all the caller's user id: counted from its text, so a new rule cannot miscount. */
    private static final int EVENT_PARAMETERS = (int) event("e").chars().filter(c -> c == '?').count();

    /** The parameters of {@link #event} for a user. */
    public static java.util.List<Object> eventParameters(long userId) {
        return java.util.Collections.nCopies(EVENT_PARAMETERS, userId);
    }

    /**
     * The event in table alias {@code e} is about an object the caller may see, by the rule of its
     * object's kind (the caller once for each of its parameters, {@link #eventParameters}).
     */
    public static String event(String alias) {
        String id = alias + ".object_id";
        return "(" + alias + ".object_kind IN ('TRANSACTION', 'ACCOUNT') AND " + account(alias + ".account_id") + ")"
                + " OR (" + alias + ".object_kind = 'REQUEST' AND EXISTS (SELECT 1 FROM request vr WHERE vr.id = " + id
                + " AND (" + request("vr") + ")))"
                + " OR (" + alias + ".object_kind = 'USER' AND (" + user(id) + "))"
                + " OR (" + alias + ".object_kind = 'GROUP' AND (" + group(id) + "))"
                + " OR (" + alias + ".object_kind = 'ENTITY' AND (" + entity(id) + "))"
                + " OR (" + alias + ".object_kind = 'WHITELIST' AND " + whitelist(id) + ")";
    }
}
