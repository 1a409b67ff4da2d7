package io.coffer.user;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.text.ParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A challenge signed by a user's approval key, as the guides describe: a compact JWS, ES256 (raw
 * r‖s signature), whose payload is exactly the challenge's bytes, verified with the user's
 * registered uncompressed P-256 key.
 */
public final class SignedChallenge {

    /** Longer than any JWS over a challenge Coffer issues (challenges of the largest requests included). */
    private static final int MAX_JWS_LENGTH = 2_000_000;

    private SignedChallenge() {
    }

    /** The payload of a compact ES256 JWS, before its signature is checked; empty if it is not one. */
    public static Optional<byte[]> payload(String jws) {
        return parse(jws).map(parsed -> parsed.getPayload().toBytes());
    }

    /** Whether a compact ES256 JWS verifies with the key. */
    public static boolean verifies(String jws, String publicKeyHex) {
        return parse(jws).map(parsed -> verifies(parsed, publicKeyHex)).orElse(false);
    }

    /** Why a JWS is refused, or empty when it is a valid signature of the challenge by the key. */
    public static Optional<String> problem(String jws, byte[] challenge, String publicKeyHex) {
        Optional<JWSObject> parsed = parse(jws);
        if (parsed.isEmpty()) {
            return Optional.of("jws is not a compact JWS signed with ES256 (header {\"alg\":\"ES256\"})");
        }
        if (!Arrays.equals(parsed.get().getPayload().toBytes(), challenge)) {
            return Optional.of("the jws payload is not the challenge issued to this user for this request"
                    + " (sign the decoded bytes of the latest challenge)");
        }
        if (!verifies(parsed.get(), publicKeyHex)) {
            return Optional.of("the jws signature does not verify with the user's registered public key");
        }
        return Optional.empty();
    }

    private static Optional<JWSObject> parse(String jws) {
        if (jws.length() > MAX_JWS_LENGTH) {
            return Optional.empty();
        }
        try {
            JWSObject parsed = JWSObject.parse(jws);
            return JWSAlgorithm.ES256.equals(parsed.getHeader().getAlgorithm()) ? Optional.of(parsed) : Optional.empty();
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean verifies(JWSObject parsed, String publicKeyHex) {
        try {
            return parsed.verify(new ECDSAVerifier(publicKey(publicKeyHex)));
        } catch (JOSEException | GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** An uncompressed P-256 point (hex {@code 04‖X‖Y}) as a JCA key. */
    static ECPublicKey publicKey(String hex) throws GeneralSecurityException {
        byte[] bytes = HexFormat.of().parseHex(hex);
        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(bytes, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(bytes, 33, 65)));
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
    }
}
