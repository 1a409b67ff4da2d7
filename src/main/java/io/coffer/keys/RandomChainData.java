package io.coffer.keys;

import io.coffer.currency.Currency;
import io.coffer.currency.Family;
import io.coffer.currency.address.Base58;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import org.bitcoinj.crypto.ECKey;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Random but well-formed chain data for simulated networks: addresses of outside parties
 * (from fresh random keys, so they are real addresses) and transaction or block hashes in each
 * network's usual spelling.
 */
public final class RandomChainData {

    private static final byte[] TEZOS_OPERATION = {5, 116};

    private final SecureRandom random;

    public RandomChainData(SecureRandom random) {
        this.random = random;
    }

    /** An address of a key nobody in Coffer holds. */
    public String address(Currency currency) {
        return switch (currency.addresses().curve()) {
            case SECP256K1 -> currency.addresses().fromPublicKey(new ECKey(random).getPubKey());
            case ED25519 -> currency.addresses().fromPublicKey(
                    new Ed25519PrivateKeyParameters(random).generatePublicKey().getEncoded());
            case NONE -> throw new IllegalArgumentException(currency.name() + " has no addresses");
        };
    }

    /** A transaction hash as the network writes them. */
    public String transactionHash(Currency currency) {
        return switch (currency.family()) {
            case ETHEREUM, POLYGON, POLKADOT -> "0x" + hex(32);
            case RIPPLE, COSMOS -> hex(32).toUpperCase(Locale.ROOT);
            case SOLANA -> Base58.BITCOIN.encode(bytes(64));
            case NEAR -> Base58.BITCOIN.encode(bytes(32));
            case TEZOS -> Base58.BITCOIN.encodeChecked(concat(TEZOS_OPERATION, bytes(32)));
            case BITCOIN, CARDANO, STELLAR, TRON, FIAT -> hex(32);
        };
    }

    /** A block hash as the network writes them. */
    public String blockHash(Currency currency) {
        return currency.family() == Family.ETHEREUM || currency.family() == Family.POLYGON ? "0x" + hex(32) : hex(32);
    }

    private String hex(int length) {
        return HexFormat.of().formatHex(bytes(length));
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
