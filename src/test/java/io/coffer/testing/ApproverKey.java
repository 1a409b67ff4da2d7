package io.coffer.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;

/** A P-256 key pair an approver signs challenges with, as the guides describe (ES256 JWS over the challenge bytes). */
public final class ApproverKey {

    private final KeyPair pair;

    private ApproverKey(KeyPair pair) {
        this.pair = pair;
    }

    public static ApproverKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new ApproverKey(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as registered: uncompressed point, hex. */
    public String publicHex() {
        ECPublicKey key = (ECPublicKey) pair.getPublic();
        return "04" + fixed(key.getW().getAffineX()) + fixed(key.getW().getAffineY());
    }

    /** Signs the decoded bytes of a base64url challenge: a compact ES256 JWS. */
    public String sign(String challenge) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256),
                    new Payload(Base64.getUrlDecoder().decode(challenge)));
            jws.sign(new ECDSASigner((ECPrivateKey) pair.getPrivate()));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fixed(BigInteger value) {
        byte[] bytes = new byte[32];
        byte[] raw = value.toByteArray();
        int copy = Math.min(32, raw.length);
        System.arraycopy(raw, raw.length - copy, bytes, 32 - copy, copy);
        return HexFormat.of().formatHex(bytes);
    }
}
