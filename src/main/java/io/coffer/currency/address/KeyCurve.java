package io.coffer.currency.address;

/** The signature curve a network's keys live on, which decides how account keys are derived. */
public enum KeyCurve {
    /** BIP32 over secp256k1; public keys are given compressed (33 bytes). */
    SECP256K1,
    /** SLIP-10 over Ed25519, hardened steps only; public keys are 32 bytes. */
    ED25519,
    /** No keys: fiat currencies have no addresses. */
    NONE
}
