package io.coffer.testing;

import io.coffer.account.Account;
import io.coffer.account.AccountStatus;
import io.coffer.account.db.JdbcAccounts;
import io.coffer.common.Tx;
import io.coffer.currency.AccountType;
import io.coffer.common.WorkspaceKind;
import io.coffer.keys.KeyVault;
import io.coffer.keys.WorkspaceKeys;
import io.coffer.workspace.db.JdbcWorkspaces;
import java.time.Instant;
import java.util.Optional;

/** Rows that storage tests need as foreign-key anchors. */
public final class Fixtures {

    private Fixtures() {
    }

    public static long workspace(Tx tx, Instant now) {
        byte[] dummy = {1, 2, 3};
        KeyVault vault = new KeyVault(new byte[KeyVault.KEY_BYTES], new java.security.SecureRandom());
        return new JdbcWorkspaces(vault).create(tx, Sandbox.uniqueName("ws"), WorkspaceKind.SANDBOX, now,
                new WorkspaceKeys(dummy, dummy, dummy, dummy, dummy)).orElseThrow();
    }

    public static long account(Tx tx, long workspaceId, String currency, Instant now) {
        return new JdbcAccounts().create(tx, new Account(0, workspaceId, Sandbox.uniqueName("acct"), currency,
                Optional.empty(), Optional.empty(), 0, AccountType.Bitcoin, AccountStatus.ACTIVE, "84'/0'/0'",
                "bc1qtest", 0, Optional.empty(), 1, now));
    }
}
