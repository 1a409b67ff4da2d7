package io.coffer.testing;

import io.coffer.keys.ApproverKeys;
import java.security.KeyPair;
import java.security.SecureRandom;

/**
 * A P-256 key pair an approver signs challenges with, as the guides describe (ES256 JWS over the
 * challenge bytes): the same code as {@code coffer keygen} and {@code coffer sign}, whose JWS the
 * server verifies with its own code (nimbus-jose-jwt on both sides).
 */
public final class ApproverKey {

    private final KeyPair pair;

    private ApproverKey(KeyPair pair) {
        this.pair = pair;
    }

    public static ApproverKey generate() {
        return new ApproverKey(ApproverKeys.generate(new SecureRandom()));
    }

    /** The public key as registered: uncompressed point, hex. */
    public String publicHex() {
        return ApproverKeys.publicHex(pair);
    }

    /** Signs the decoded bytes of a base64url challenge: a compact ES256 JWS. */
    public String sign(String challenge) {
        return ApproverKeys.signChallenge(pair, challenge);
    }
}
