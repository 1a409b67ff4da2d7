package io.coffer.currency;

import io.coffer.currency.address.AddressFormat;
import java.util.List;
import java.util.Optional;

/**
 * A currency (network) Coffer can hold.
 *
 * @param name the API's currency name, e.g. {@code bitcoin}
 * @param family its family
 * @param fiat whether it is a fiat currency (no addresses, no accounts)
 * @param units its units, smallest first; the first has magnitude 0
 * @param confirmations blocks after which a transaction counts as confirmed
 * @param coinType the SLIP-44 coin type used in derivation paths
 * @param chainId the EVM chain id, for EVM networks
 * @param addresses how the network writes addresses
 * @param accountType the {@code Account.type} of its (non-token) accounts
 * @param tokenType the {@code Account.type} of token accounts on it, where it has tokens
 */
public record Currency(
        String name,
        Family family,
        boolean fiat,
        List<Unit> units,
        int confirmations,
        int coinType,
        Optional<Long> chainId,
        AddressFormat addresses,
        AccountType accountType,
        Optional<AccountType> tokenType) {

    public Currency {
        units = List.copyOf(units);
        if (units.isEmpty() || units.getFirst().magnitude() != 0) {
            throw new IllegalArgumentException(name + ": the first unit must be the base unit (magnitude 0)");
        }
    }

    /** The largest unit's magnitude: how many base units make one whole coin, as a power of ten. */
    public int magnitude() {
        return units.getLast().magnitude();
    }

    /** Whether balances are spent as unspent outputs (Bitcoin-like networks). */
    public boolean utxo() {
        return family == Family.BITCOIN;
    }

    /** Whether the network has EVM tokens (ERC-20 and its kin). */
    public boolean evm() {
        return chainId.isPresent();
    }

    /** Balance history is a single value per date; Solana's staking buckets are not. */
    public boolean balanceHistorySupported() {
        return family != Family.SOLANA;
    }
}
