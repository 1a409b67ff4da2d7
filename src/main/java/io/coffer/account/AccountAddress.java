package io.coffer.account;

/**
 * An address handed out for an account.
 *
 * @param change 0 for receive addresses, 1 for change addresses
 * @param index the address's index on that branch
 * @param derivationPath the full path of the address's key
 */
public record AccountAddress(int change, int index, String address, String derivationPath) {
}
