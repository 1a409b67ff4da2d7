package io.coffer.currency;

/** The {@code Account.type} values of the API: the family of an account, tokens told apart by standard. */
public enum AccountType {
    Bep20, Bitcoin, Cardano, Cosmos, Erc20, Ethereum, Generic, Near, Polkadot, Polygon, Ripple, Solana, Stellar,
    Tezos, Trc20, Tron
}
