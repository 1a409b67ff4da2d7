package io.coffer.currency;

/**
 * A token contract on a parent network.
 *
 * @param parent the parent network's currency name
 * @param contractAddress the contract address in its canonical (EIP-55) spelling
 * @param name the display name, e.g. {@code USD Tether (erc20)}
 * @param ticker the unit code
 * @param decimals the token's decimals: its unit's magnitude
 */
public record Token(String parent, String contractAddress, String name, String ticker, int decimals) {

    /** The token's units, as the API lists them. */
    public java.util.List<Unit> units() {
        return java.util.List.of(new Unit(ticker, decimals));
    }

    /** The key of its ledger books: {@code network:contract}, the form the accounts search accepts. */
    public String assetKey() {
        return parent + ":" + contractAddress;
    }
}
