package io.coffer.account;

import io.coffer.common.Caller;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import io.coffer.governance.RuleSet;
import io.coffer.governance.RuleSetDraft;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Storage of accounts, their rules, members and addresses. */
public interface Accounts {

    /** The {@code order_by} values an accounts search accepts. */
    Set<String> ORDER_BY = Set.of("created_on", "id", "name", "currency", "index", "status", "type");

    /** Inserts an account; its id and the given id are ignored in favour of a new one. */
    long create(Tx tx, Account account);

    Optional<Account> find(Tx tx, long workspaceId, long accountId);

    /** Finds an account and locks its row until the transaction ends. */
    Optional<Account> lock(Tx tx, long workspaceId, long accountId);

    /** Finds an account the caller may see; a foreign or invisible account is absent. */
    Optional<Account> findVisible(Tx tx, Caller caller, long accountId);

    /**
     * Finds an account the caller may see and locks its row; for a caller who sees everything that
     * is one read, not a visibility check followed by the lock's read of the same row.
     */
    default Optional<Account> lockVisible(Tx tx, Caller caller, long accountId) {
        if (!caller.seesEverything() && findVisible(tx, caller, accountId).isEmpty()) {
            return Optional.empty();
        }
        return lock(tx, caller.workspaceId(), accountId);
    }

    /**
     * An account the caller may see together with its cached balance, in one query: the hot path of
     * {@code GET /accounts/{id}/balances}.
     */
    Optional<AccountBalance> findVisibleWithBalance(Tx tx, Caller caller, long accountId);

    /** An account and its balance. */
    record AccountBalance(Account account, io.coffer.ledger.Balance balance) {
    }

    Page<Account> search(Tx tx, Caller caller, AccountFilter filter, PageRequest page);

    boolean nameTaken(Tx tx, long workspaceId, String name);

    /** The next free account index for coin accounts of a currency. */
    int nextIndex(Tx tx, long workspaceId, String currency);

    /**
     * The coin accounts of a workspace derived at an account path: networks that share a coin type
     * (EVM networks share 60) give their accounts of the same index one key.
     */
    List<Account> coinAccountsAt(Tx tx, long workspaceId, String derivationPath);

    /** The token accounts of a coin account (they hold their tokens at its address, with its key). */
    List<Account> tokenAccountsOf(Tx tx, long workspaceId, long parentId);

    boolean tokenAccountExists(Tx tx, long parentId, String contractAddress);

    void saveRules(Tx tx, long accountId, List<RuleSetDraft> drafts);

    /** Replaces an account's rule sets; the old rows are kept for history, detached. */
    void replaceRules(Tx tx, long accountId, List<RuleSetDraft> drafts);

    Optional<Long> idByName(Tx tx, long workspaceId, String name);

    void rename(Tx tx, long accountId, String name);

    void setStatus(Tx tx, long accountId, AccountStatus status);

    void setLastRequest(Tx tx, long accountId, long requestId);

    Map<Long, Long> lastRequests(Tx tx, Collection<Long> accountIds);

    Map<Long, List<RuleSet>> rules(Tx tx, Collection<Long> accountIds);

    void addAddress(Tx tx, long accountId, AccountAddress address);

    List<AccountAddress> addresses(Tx tx, long accountId, int change);

    Optional<AccountAddress> address(Tx tx, long accountId, int change, int index);

    /** Returns the account's next EVM nonce and moves it on (the caller holds the account's lock). */
    long takeNonce(Tx tx, long accountId);

    /** Returns the account's next change-address index and moves it on (the caller holds the lock). */
    int takeChangeIndex(Tx tx, long accountId);

    /** Moves the account's fresh receive address forward. */
    void setFresh(Tx tx, long accountId, AccountAddress fresh);
}
