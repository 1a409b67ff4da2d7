package io.coffer.account;

import io.coffer.currency.AccountType;
import java.time.Instant;
import java.util.Optional;

/**
 * An account: one key (or one token on a parent's key) on one network.
 *
 * @param currency the network's currency name (a token account has its parent's)
 * @param contractAddress the token contract, for token accounts
 * @param parentId the parent account, for token accounts
 * @param index the account index in its derivation path
 * @param derivationPath the account-level derivation path, e.g. {@code 84'/0'/0'}
 * @param address the account's current (fresh) receive address
 * @param freshIndex the index of that address among the account's receive addresses
 * @param xpub the extended public key of secp256k1 accounts
 */
public record Account(
        long id,
        long workspaceId,
        String name,
        String currency,
        Optional<String> contractAddress,
        Optional<Long> parentId,
        int index,
        AccountType type,
        AccountStatus status,
        String derivationPath,
        String address,
        int freshIndex,
        Optional<String> xpub,
        long createdBy,
        Instant createdOn) {

    public boolean isToken() {
        return contractAddress.isPresent();
    }

    /** The ledger key of what the account holds: its currency, or {@code network:contract}. */
    public String asset() {
        return contractAddress.map(contract -> currency + ":" + contract).orElse(currency);
    }
}
