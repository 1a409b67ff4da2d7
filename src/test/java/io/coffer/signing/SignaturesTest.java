package io.coffer.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;

/** Digest signatures checked with BouncyCastle's verifiers, apart from the code that made them. */
class SignaturesTest {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(),
            CURVE.getH());

    @Test
    void aSecp256k1DigestSignatureVerifiesWithBouncyCastleAndRecoversWithWeb3j() throws Exception {
        byte[] key = Hash.sha3("digest key".getBytes(StandardCharsets.UTF_8));
        byte[] digest = Hash.sha256("some payload".getBytes(StandardCharsets.UTF_8));
        DigestBatch.Signed signed = Signatures.secp256k1(key, digest);

        byte[] publicKey = HexFormat.of().parseHex(signed.publicKey().substring(2));
        assertThat(publicKey).hasSize(33);
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(CURVE.getCurve().decodePoint(publicKey), DOMAIN));
        assertThat(verifier.verifySignature(digest, signed.r(), signed.s())).isTrue();
        assertThat(verifier.verifySignature(Hash.sha256(digest), signed.r(), signed.s())).isFalse();
        assertThat(signed.s()).isLessThanOrEqualTo(CURVE.getN().shiftRight(1));

        // The DER encoding holds the same r and s.
        ASN1Sequence der = ASN1Sequence.getInstance(HexFormat.of().parseHex(signed.der().orElseThrow()));
        assertThat(((ASN1Integer) der.getObjectAt(0)).getValue()).isEqualTo(signed.r());
        assertThat(((ASN1Integer) der.getObjectAt(1)).getValue()).isEqualTo(signed.s());

        // v = 27 + recovery id: web3j recovers the signer's public key from r, s, v.
        assertThat(signed.v().orElseThrow()).isIn(27, 28);
        Sign.SignatureData data = new Sign.SignatureData(signed.v().get().byteValue(), word(signed.r()), word(signed.s()));
        assertThat(Sign.signedMessageHashToKey(digest, data)).isEqualTo(ECKeyPair.create(key).getPublicKey());
    }

    @Test
    void anEd25519DigestSignatureVerifiesWithBouncyCastle() {
        byte[] key = Hash.sha256("ed key".getBytes(StandardCharsets.UTF_8));
        byte[] digest = Hash.sha256("another payload".getBytes(StandardCharsets.UTF_8));
        DigestBatch.Signed signed = Signatures.ed25519(key, digest);
        assertThat(signed.v()).isEmpty();
        assertThat(signed.der()).isEmpty();

        byte[] publicKey = HexFormat.of().parseHex(signed.publicKey().substring(2));
        assertThat(publicKey).isEqualTo(new Ed25519PrivateKeyParameters(key, 0).generatePublicKey().getEncoded());
        byte[] signature = new byte[64];
        System.arraycopy(word(signed.r()), 0, signature, 0, 32);
        System.arraycopy(word(signed.s()), 0, signature, 32, 32);
        assertThat(verifies(publicKey, digest, signature)).isTrue();
        byte[] other = Arrays.copyOf(digest, 32);
        other[0] ^= 1;
        assertThat(verifies(publicKey, other, signature)).isFalse();
    }

    static boolean verifies(byte[] publicKey, byte[] message, byte[] signature) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    /** A number as 32 big-endian bytes. */
    static byte[] word(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, out, 32 - length, length);
        return out;
    }
}
