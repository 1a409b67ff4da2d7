package io.coffer.currency.address;

/**
 * How a network writes addresses: which keys they come from, how to build one from a public key,
 * and how to check one a client typed (checksums included, so a mistyped character is caught).
 */
public sealed interface AddressFormat
        permits BitcoinAddresses, BitcoinCashAddresses, EvmAddresses, TronAddresses, CosmosAddresses,
        RippleAddresses, StellarAddresses, TezosAddresses, SolanaAddresses, PolkadotAddresses,
        CardanoAddresses, NearAddresses, NoAddresses {

    KeyCurve curve();

    boolean isValid(String address);

    /**
     * The address of a public key: compressed secp256k1 (33 bytes) or Ed25519 (32 bytes), as
     * {@link #curve()} says.
     */
    String fromPublicKey(byte[] publicKey);
}
