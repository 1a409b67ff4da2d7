package io.coffer.request;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.text.ParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checks an approver's signature: a compact JWS, ES256, whose payload is exactly the challenge the
 * server issued, signed by the P-256 key the user registered.
 */
final class SignedApproval {

    private SignedApproval() {
    }

    /** Why a JWS is refused, or empty when it is a valid signature of the challenge by the key. */
    static Optional<String> problem(String jws, byte[] challenge, String publicKeyHex) {
        JWSObject parsed;
        try {
            parsed = JWSObject.parse(jws);
        } catch (ParseException e) {
            return Optional.of("jws is not a compact JWS");
        }
        if (!JWSAlgorithm.ES256.equals(parsed.getHeader().getAlgorithm())) {
            return Optional.of("jws must be signed with ES256, not " + parsed.getHeader().getAlgorithm());
        }
        if (!Arrays.equals(parsed.getPayload().toBytes(), challenge)) {
            return Optional.of("the jws payload is not the challenge issued to this user for this request");
        }
        try {
            if (!parsed.verify(new ECDSAVerifier(publicKey(publicKeyHex)))) {
                return Optional.of("the jws signature does not verify with the user's registered public key");
            }
        } catch (JOSEException | GeneralSecurityException e) {
            return Optional.of("the jws signature does not verify with the user's registered public key");
        }
        return Optional.empty();
    }

    /** An uncompressed P-256 point (hex {@code 04‖X‖Y}) as a JCA key. */
    static ECPublicKey publicKey(String hex) throws GeneralSecurityException {
        byte[] bytes = HexFormat.of().parseHex(hex);
        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(bytes, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(bytes, 33, 65)));
        java.security.AlgorithmParameters parameters = java.security.AlgorithmParameters.getInstance("EC");
        parameters.init(new java.security.spec.ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
    }
}
