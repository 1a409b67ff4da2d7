package io.coffer.keys;

import io.coffer.currency.Currency;
import io.coffer.currency.Family;
import io.coffer.currency.address.KeyCurve;
import java.util.Optional;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;

/**
 * Derives account keys and addresses from a workspace seed: BIP32/BIP44 over secp256k1 (BIP84
 * paths for networks with native segwit), SLIP-10 over Ed25519 (hardened steps only).
 *
 * <p>Account paths are {@code purpose'/coin'/index'}. Bitcoin-like accounts use
 * {@code account/change/i} for their addresses; other secp256k1 accounts use the single address
 * {@code account/0/0}; Ed25519 accounts use {@code account/0'/0'}, except Solana and Stellar,
 * whose account key is the address.
 */
public final class AccountKeys {

    /** The derivation data of an account. */
    public record AccountDerivation(HdPath path, Optional<String> xpub) {
    }

    /** An address with the full path of its key. */
    public record DerivedAddress(String address, HdPath path) {
    }

    private AccountKeys() {
    }

    public static AccountDerivation account(byte[] seed, Currency currency, int accountIndex) {
        HdPath path = accountPath(currency, accountIndex);
        Optional<String> xpub = Optional.empty();
        if (currency.addresses().curve() == KeyCurve.SECP256K1) {
            DeterministicKey key = secp256k1(seed, path);
            BitcoinNetwork network = currency.name().equals("bitcoin_testnet") ? BitcoinNetwork.TESTNET : BitcoinNetwork.MAINNET;
            xpub = Optional.of(key.serializePubB58(network));
        }
        return new AccountDerivation(path, xpub);
    }

    /**
     * The address of an account's key at (change, index); account-based networks have one address,
     * (0, 0).
     */
    public static DerivedAddress address(byte[] seed, Currency currency, int accountIndex, int change, int index) {
        HdPath account = accountPath(currency, accountIndex);
        return switch (currency.addresses().curve()) {
            case SECP256K1 -> {
                HdPath path = account.child(change, false).child(index, false);
                byte[] publicKey = secp256k1(seed, path).getPubKey();
                yield new DerivedAddress(currency.addresses().fromPublicKey(publicKey), path);
            }
            case ED25519 -> {
                HdPath path = ed25519AddressPath(currency, account);
                yield new DerivedAddress(currency.addresses().fromPublicKey(Slip10.publicKey(seed, path)), path);
            }
            case NONE -> throw new IllegalArgumentException(currency.name() + " has no addresses");
        };
    }

    /** The secp256k1 private key of an account's address at (change, index); for signing. */
    public static byte[] secp256k1PrivateKey(byte[] seed, Currency currency, int accountIndex, int change, int index) {
        if (currency.addresses().curve() != KeyCurve.SECP256K1) {
            throw new IllegalArgumentException(currency.name() + " keys are not secp256k1");
        }
        HdPath path = accountPath(currency, accountIndex).child(change, false).child(index, false);
        return secp256k1(seed, path).getPrivKeyBytes();
    }

    /**
     * The path of an account's own signing key: its single address key, or for Bitcoin-like accounts
     * the key of its first receive address.
     */
    public static HdPath keyPath(Currency currency, int accountIndex) {
        HdPath account = accountPath(currency, accountIndex);
        return switch (currency.addresses().curve()) {
            case SECP256K1 -> account.child(0, false).child(0, false);
            case ED25519 -> ed25519AddressPath(currency, account);
            case NONE -> throw new IllegalArgumentException(currency.name() + " has no keys");
        };
    }

    /** The secp256k1 private key at any path of the workspace's tree (BIP32). */
    public static byte[] secp256k1PrivateKeyAt(byte[] seed, HdPath path) {
        return secp256k1(seed, path).getPrivKeyBytes();
    }

    /** The Ed25519 private key (32-byte seed) at a path of hardened steps (SLIP-10). */
    public static byte[] ed25519PrivateKeyAt(byte[] seed, HdPath path) {
        return Slip10.privateKey(seed, path);
    }

    public static HdPath accountPath(Currency currency, int accountIndex) {
        if (accountIndex < 0) {
            throw new IllegalArgumentException("account index must not be negative");
        }
        int purpose = switch (currency.family()) {
            case BITCOIN -> currency.addresses() instanceof io.coffer.currency.address.BitcoinAddresses btc
                    && btc.hrp().isPresent() ? 84 : 44;
            case CARDANO -> 1852;
            default -> 44;
        };
        return HdPath.hardened(purpose, currency.coinType(), accountIndex);
    }

    private static HdPath ed25519AddressPath(Currency currency, HdPath account) {
        if (currency.family() == Family.SOLANA || currency.family() == Family.STELLAR) {
            return account;
        }
        return account.child(0, true).child(0, true);
    }

    private static DeterministicKey secp256k1(byte[] seed, HdPath path) {
        DeterministicKey key = HDKeyDerivation.createMasterPrivateKey(seed);
        for (int i = 0; i < path.steps().size(); i++) {
            key = HDKeyDerivation.deriveChildKey(key, new ChildNumber(path.steps().get(i), path.hardened().get(i)));
        }
        return key;
    }
}
