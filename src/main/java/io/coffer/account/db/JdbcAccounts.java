package io.coffer.account.db;

import io.coffer.account.Account;
import io.coffer.account.AccountAddress;
import io.coffer.account.AccountFilter;
import io.coffer.account.AccountStatus;
import io.coffer.account.Accounts;
import io.coffer.common.Caller;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import io.coffer.currency.AccountType;
import io.coffer.db.Search;
import io.coffer.db.Sql;
import io.coffer.db.Visibility;
import io.coffer.governance.Rule;
import io.coffer.governance.RuleSet;
import io.coffer.governance.RuleSetDraft;
import io.coffer.ledger.Balance;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link Accounts} over JDBC. */
public final class JdbcAccounts implements Accounts {

    private static final String COLUMNS = """
            a.id, a.workspace_id, a.name, a.currency, a.contract_address, a.parent_id, a.account_index, a.account_type,
            a.status, a.derivation_path, a.xpub, a.address, a.fresh_index, a.created_by, a.created_on""";
    private static final Map<String, String> ORDER_COLUMNS = Map.of(
            "created_on", "a.created_on", "id", "a.id", "name", "a.name", "currency", "a.currency",
            "index", "a.account_index", "status", "a.status", "type", "a.account_type");

    @Override
    public long create(Tx tx, Account account) {
        return Sql.insert(tx, """
                INSERT INTO account (workspace_id, name, currency, contract_address, parent_id, account_index, account_type,
                                     status, derivation_path, xpub, address, fresh_index, created_by, created_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                account.workspaceId(), account.name(), account.currency(),
                Sql.orNull(account.contractAddress(), Sql.NULL_VARCHAR), Sql.orNull(account.parentId(), Sql.NULL_BIGINT),
                account.index(), account.type(), account.status(), account.derivationPath(),
                Sql.orNull(account.xpub(), Sql.NULL_VARCHAR), account.address(), account.freshIndex(),
                account.createdBy(), account.createdOn());
    }

    @Override
    public Optional<Account> find(Tx tx, long workspaceId, long accountId) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM account a WHERE a.id = ? AND a.workspace_id = ?",
                JdbcAccounts::map, accountId, workspaceId);
    }

    @Override
    public Optional<Account> lock(Tx tx, long workspaceId, long accountId) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM account a WHERE a.id = ? AND a.workspace_id = ? FOR UPDATE",
                JdbcAccounts::map, accountId, workspaceId);
    }

    @Override
    public Optional<Account> findVisible(Tx tx, Caller caller, long accountId) {
        if (caller.seesEverything()) {
            return find(tx, caller.workspaceId(), accountId);
        }
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM account a WHERE a.id = ? AND a.workspace_id = ? AND " + MEMBER,
                JdbcAccounts::map, accountId, caller.workspaceId(), caller.userId());
    }

    @Override
    public Optional<AccountBalance> findVisibleWithBalance(Tx tx, Caller caller, long accountId) {
        String sql = "SELECT " + COLUMNS + ", b.confirmed, b.incoming, b.outgoing, b.dust"
                + " FROM account a JOIN account_balance b ON b.account_id = a.id WHERE a.id = ? AND a.workspace_id = ?";
        if (caller.seesEverything()) {
            return Sql.one(tx, sql, JdbcAccounts::withBalance, accountId, caller.workspaceId());
        }
        return Sql.one(tx, sql + " AND " + MEMBER, JdbcAccounts::withBalance, accountId, caller.workspaceId(),
                caller.userId());
    }

    private static AccountBalance withBalance(ResultSet row) throws SQLException {
        return new AccountBalance(map(row), new Balance(Sql.amount(row, 16), Sql.amount(row, 17), Sql.amount(row, 18),
                Sql.amount(row, 19)));
    }

    private static final String MEMBER = Visibility.account("a.id");

    @Override
    public Page<Account> search(Tx tx, Caller caller, AccountFilter filter, PageRequest page) {
        Search search = new Search("account", "a", caller.workspaceId());
        if (!caller.seesEverything()) {
            search.and(MEMBER, caller.userId());
        }
        search.and(filter.id(), "a.id = ?").and(filter.name(), "a.name = ?");
        filter.currency().ifPresent(currency -> {
            int colon = currency.indexOf(':');
            if (colon < 0) {
                search.and("a.currency = ? AND a.contract_address IS NULL", currency);
            } else {
                search.and("a.currency = ? AND LOWER(a.contract_address) = LOWER(?)", currency.substring(0, colon),
                        currency.substring(colon + 1));
            }
        });
        search.and(filter.accountType(), "a.account_type = ?")
                .and(filter.status(), "a.status = ?")
                .and(filter.parent(), "a.parent_id = ?")
                .and(filter.user(), "EXISTS (SELECT 1 FROM account_governor u WHERE u.account_id = a.id AND u.user_id = ?)")
                .and(filter.group(), "EXISTS (SELECT 1 FROM account_group g WHERE g.account_id = a.id AND g.group_id = ?)")
                .in(filter.entities(), "a.entity_id")
                .and(filter.createdAfter(), "a.created_on > ?")
                .and(filter.createdBefore(), "a.created_on < ?");
        if (!filter.labels().isEmpty()) {
            search.and("EXISTS (SELECT 1 FROM account_label al JOIN label l ON l.id = al.label_id"
                    + " WHERE al.account_id = a.id AND l.name IN ("
                    + String.join(", ", filter.labels().stream().map(e -> "?").toList()) + "))", filter.labels().toArray());
        }
        return search.page(tx, COLUMNS, ORDER_COLUMNS, page, JdbcAccounts::map);
    }

    @Override
    public boolean nameTaken(Tx tx, long workspaceId, String name) {
        return Sql.count(tx, "SELECT COUNT(*) FROM account WHERE workspace_id = ? AND name = ?", workspaceId, name) > 0;
    }

    @Override
    public int nextIndex(Tx tx, long workspaceId, String currency) {
        return (int) Sql.count(tx, """
                SELECT COALESCE(MAX(account_index) + 1, 0) FROM account
                WHERE workspace_id = ? AND currency = ? AND parent_id IS NULL""", workspaceId, currency);
    }

    @Override
    public List<Account> coinAccountsAt(Tx tx, long workspaceId, String derivationPath) {
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM account a WHERE a.workspace_id = ? AND a.derivation_path = ?"
                + " AND a.parent_id IS NULL ORDER BY a.id", JdbcAccounts::map, workspaceId, derivationPath);
    }

    @Override
    public List<Account> tokenAccountsOf(Tx tx, long workspaceId, long parentId) {
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM account a WHERE a.workspace_id = ? AND a.parent_id = ? ORDER BY a.id",
                JdbcAccounts::map, workspaceId, parentId);
    }

    @Override
    public boolean tokenAccountExists(Tx tx, long parentId, String contractAddress) {
        return Sql.count(tx, "SELECT COUNT(*) FROM account WHERE parent_id = ? AND LOWER(contract_address) = LOWER(?)",
                parentId, contractAddress) > 0;
    }

    @Override
    public void saveRules(Tx tx, long accountId, List<RuleSetDraft> drafts) {
        for (int i = 0; i < drafts.size(); i++) {
            RuleSetDraft draft = drafts.get(i);
            long setId = Sql.insert(tx, "INSERT INTO governance_rule_set (account_id, position, name) VALUES (?, ?, ?)",
                    accountId, i, draft.name());
            for (int j = 0; j < draft.rules().size(); j++) {
                RuleSetDraft.RuleDraft rule = draft.rules().get(j);
                Sql.insert(tx, "INSERT INTO governance_rule (rule_set_id, position, rule_type, data) VALUES (?, ?, ?, ?)",
                        setId, j, RuleJson.type(rule), RuleJson.write(rule));
            }
        }
    }

    @Override
    public void replaceRules(Tx tx, long accountId, List<RuleSetDraft> drafts) {
        Sql.update(tx, "UPDATE governance_rule_set SET active = FALSE WHERE account_id = ?", accountId);
        saveRules(tx, accountId, drafts);
    }

    @Override
    public Optional<Long> idByName(Tx tx, long workspaceId, String name) {
        return Sql.one(tx, "SELECT id FROM account WHERE workspace_id = ? AND name = ?", row -> row.getLong(1),
                workspaceId, name);
    }

    @Override
    public void rename(Tx tx, long accountId, String name) {
        Sql.update(tx, "UPDATE account SET name = ? WHERE id = ?", name, accountId);
    }

    @Override
    public void setStatus(Tx tx, long accountId, AccountStatus status) {
        Sql.update(tx, "UPDATE account SET status = ? WHERE id = ?", status, accountId);
    }

    @Override
    public void setLastRequest(Tx tx, long accountId, long requestId) {
        Sql.update(tx, "UPDATE account SET last_request = ? WHERE id = ?", requestId, accountId);
    }

    @Override
    public Map<Long, Long> lastRequests(Tx tx, Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> result = new HashMap<>();
        Sql.list(tx, "SELECT id, last_request FROM account WHERE last_request IS NOT NULL AND id IN ("
                        + accountIds.stream().map(id -> "?").collect(Collectors.joining(", ")) + ")",
                row -> result.put(row.getLong(1), row.getLong(2)), accountIds.toArray());
        return result;
    }

    @Override
    public Map<Long, List<RuleSet>> rules(Tx tx, Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        String placeholders = accountIds.stream().map(id -> "?").collect(Collectors.joining(", "));
        record Row(long accountId, long setId, int position, String name, Long ruleId, String type, String data) {
        }
        List<Row> rows = Sql.list(tx, """
                SELECT s.account_id, s.id AS set_id, s.position, s.name, r.id AS rule_id, r.rule_type, r.data
                FROM governance_rule_set s LEFT JOIN governance_rule r ON r.rule_set_id = s.id
                WHERE s.active = TRUE AND s.account_id IN (""" + placeholders + ") ORDER BY s.account_id, s.position, r.position",
                row -> new Row(row.getLong("account_id"), row.getLong("set_id"), row.getInt("position"),
                        row.getString("name"), Sql.optionalLong(row, "rule_id").orElse(null), row.getString("rule_type"),
                        row.getString("data")),
                accountIds.toArray());
        Map<Long, List<RuleSet>> result = new HashMap<>();
        Map<Long, List<Rule>> rulesBySet = new HashMap<>();
        Map<Long, Row> sets = new java.util.LinkedHashMap<>();
        for (Row row : rows) {
            sets.putIfAbsent(row.setId(), row);
            List<Rule> setRules = rulesBySet.computeIfAbsent(row.setId(), id -> new ArrayList<>());
            if (row.ruleId() != null) {
                setRules.add(RuleJson.read(row.ruleId(), row.type(), row.data()));
            }
        }
        for (Row set : sets.values()) {
            result.computeIfAbsent(set.accountId(), id -> new ArrayList<>())
                    .add(new RuleSet(set.setId(), set.position(), set.name(), rulesBySet.get(set.setId())));
        }
        return result;
    }

    @Override
    public void addAddress(Tx tx, long accountId, AccountAddress address) {
        Sql.update(tx, """
                INSERT INTO account_address (account_id, change_index, address_index, address, derivation_path)
                VALUES (?, ?, ?, ?, ?)""",
                accountId, address.change(), address.index(), address.address(), address.derivationPath());
    }

    @Override
    public List<AccountAddress> addresses(Tx tx, long accountId, int change) {
        return Sql.list(tx, """
                SELECT change_index, address_index, address, derivation_path FROM account_address
                WHERE account_id = ? AND change_index = ? ORDER BY address_index""",
                JdbcAccounts::address, accountId, change);
    }

    @Override
    public Optional<AccountAddress> address(Tx tx, long accountId, int change, int index) {
        return Sql.one(tx, """
                SELECT change_index, address_index, address, derivation_path FROM account_address
                WHERE account_id = ? AND change_index = ? AND address_index = ?""",
                JdbcAccounts::address, accountId, change, index);
    }

    @Override
    public long takeNonce(Tx tx, long accountId) {
        long nonce = Sql.one(tx, "SELECT next_nonce FROM account WHERE id = ?", row -> row.getLong(1), accountId).orElseThrow();
        Sql.update(tx, "UPDATE account SET next_nonce = ? WHERE id = ?", nonce + 1, accountId);
        return nonce;
    }

    @Override
    public int takeChangeIndex(Tx tx, long accountId) {
        int index = Sql.one(tx, "SELECT next_change_index FROM account WHERE id = ?", row -> row.getInt(1), accountId)
                .orElseThrow();
        Sql.update(tx, "UPDATE account SET next_change_index = ? WHERE id = ?", index + 1, accountId);
        return index;
    }

    @Override
    public void setFresh(Tx tx, long accountId, AccountAddress fresh) {
        addAddress(tx, accountId, fresh);
        Sql.update(tx, "UPDATE account SET fresh_index = ?, address = ? WHERE id = ?", fresh.index(), fresh.address(),
                accountId);
    }

    private static AccountAddress address(ResultSet row) throws SQLException {
        return new AccountAddress(row.getInt("change_index"), row.getInt("address_index"), row.getString("address"),
                row.getString("derivation_path"));
    }

    /** Maps a row selected with {@link #COLUMNS}, by position (name lookups are costly in H2). */
    private static Account map(ResultSet row) throws SQLException {
        return new Account(
                row.getLong(1),
                row.getLong(2),
                row.getString(3),
                row.getString(4),
                Optional.ofNullable(row.getString(5)),
                Sql.optionalLong(row, 6),
                row.getInt(7),
                AccountType.valueOf(row.getString(8)),
                AccountStatus.valueOf(row.getString(9)),
                row.getString(10),
                row.getString(12),
                row.getInt(13),
                Optional.ofNullable(row.getString(11)),
                row.getLong(14),
                Sql.instant(row, 15));
    }
}
