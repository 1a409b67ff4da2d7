package io.coffer.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/**
 * Signs 32-byte hashes with web3j (secp256k1, deterministic RFC 6979, low s) and BouncyCastle
 * (Ed25519); no hand-written cryptography.
 */
final class Signatures {

    private Signatures() {
    }

    /** An Ethereum-style signature of a hash: {@code 0x} + r (32) + s (32) + v (27 or 28). */
    static String ethereum(byte[] privateKey, byte[] hash) {
        Sign.SignatureData signature = Sign.signMessage(hash, ECKeyPair.create(privateKey), false);
        byte[] out = new byte[65];
        System.arraycopy(signature.getR(), 0, out, 0, 32);
        System.arraycopy(signature.getS(), 0, out, 32, 32);
        out[64] = signature.getV()[0];
        return "0x" + HexFormat.of().formatHex(out);
    }

    /** A digest signed with a secp256k1 key: r, s, v = 27 + recovery id, and the DER encoding. */
    static DigestBatch.Signed secp256k1(byte[] privateKey, byte[] digest) {
        ECKeyPair pair = ECKeyPair.create(privateKey);
        Sign.SignatureData signature = Sign.signMessage(digest, pair, false);
        BigInteger r = new BigInteger(1, signature.getR());
        BigInteger s = new BigInteger(1, signature.getS());
        ASN1EncodableVector pair2 = new ASN1EncodableVector();
        pair2.add(new ASN1Integer(r));
        pair2.add(new ASN1Integer(s));
        String der;
        try {
            der = HexFormat.of().formatHex(new DERSequence(pair2).getEncoded("DER"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] compressed = Sign.publicPointFromPrivate(pair.getPrivateKey()).getEncoded(true);
        return new DigestBatch.Signed("0x" + HexFormat.of().formatHex(compressed), r, s,
                Optional.of((int) signature.getV()[0]), Optional.of(der));
    }

    /** A digest signed with an Ed25519 key: r and s are the signature's halves as unsigned big-endian numbers. */
    static DigestBatch.Signed ed25519(byte[] privateKey, byte[] digest) {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(privateKey, 0);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(digest, 0, digest.length);
        byte[] signature = signer.generateSignature();
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        return new DigestBatch.Signed("0x" + HexFormat.of().formatHex(key.generatePublicKey().getEncoded()), r, s,
                Optional.empty(), Optional.empty());
    }
}
