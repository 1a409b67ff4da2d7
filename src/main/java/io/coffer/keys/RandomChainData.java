package io.coffer.keys;

import io.coffer.currency.Currency;
import io.coffer.currency.Family;
import io.coffer.currency.address.Base58;
import io.coffer.currency.address.EvmAddresses;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Random but well-formed chain data for simulated networks: addresses of outside parties
 * (from fresh random keys, so they are real addresses) and transaction or block hashes in each
 * network's usual spelling.
 */
public final class RandomChainData {

    private static final byte[] TEZOS_OPERATION = {5, 116};

    /** How many outside secp256k1 keys follow from one random one before the next is drawn. */
    private static final int STEPS_PER_DRAW = 4096;
    private static final X9ECParameters SECP256K1 = CustomNamedCurves.getByName("secp256k1");

    private final SecureRandom random;
    private ECPoint nextPublicKey;
    private int stepsLeft;

    public RandomChainData(SecureRandom random) {
        this.random = random;
    }

    /** An address of a key nobody in Coffer holds. */
    public String address(Currency currency) {
        return switch (currency.addresses().curve()) {
            // EVM addresses hash the uncompressed key: handing it over spares decompressing the point again.
            case SECP256K1 -> currency.addresses().fromPublicKey(
                    nextSecp256k1PublicKey(!(currency.addresses() instanceof EvmAddresses)));
            case ED25519 -> currency.addresses().fromPublicKey(
                    new Ed25519PrivateKeyParameters(random).generatePublicKey().getEncoded());
            case NONE -> throw new IllegalArgumentException(currency.name() + " has no addresses");
        };
    }

    /**
     * A secp256k1 public key of nobody: a random point, then its successors (adding the
     * generator) for the next few thousand calls. A point addition costs a small fraction of the
     * multiplication a fresh key pair needs, and a sandbox deposit without a sender runs this on the
     * embedded database's single writer. Nobody holds these keys either way; they only need to be
     * real, distinct points.
     */
    private synchronized byte[] nextSecp256k1PublicKey(boolean compressed) {
        if (stepsLeft == 0) {
            BigInteger scalar;
            do {
                scalar = new BigInteger(256, random);
            } while (scalar.signum() == 0 || scalar.compareTo(SECP256K1.getN()) >= 0);
            nextPublicKey = SECP256K1.getG().multiply(scalar).normalize();
            stepsLeft = STEPS_PER_DRAW;
        }
        ECPoint point = nextPublicKey;
        nextPublicKey = point.add(SECP256K1.getG()).normalize();
        stepsLeft--;
        return point.getEncoded(compressed);
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
