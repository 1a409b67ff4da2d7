package io.coffer.user;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Access tokens: JWTs signed with the workspace's own HMAC key (HS256), so every Coffer instance
 * sharing the database can verify them. They live {@link #LIFETIME} on the workspace clock.
 */
public final class AccessTokens {

    public static final Duration LIFETIME = Duration.ofSeconds(300);

    /**
     * When a token issued at {@code now} expires: {@code exp} is whole seconds, so the instant is rounded
     * up, never down, and a token always lives at least its announced 300 seconds.
     */
    static java.time.Instant expiryOf(java.time.Instant now) {
        java.time.Instant end = now.plus(LIFETIME);
        java.time.Instant whole = end.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return whole.equals(end) ? end : whole.plusSeconds(1);
    }
    private static final String WORKSPACE_CLAIM = "workspace";
    private static final String EPOCH_CLAIM = "sep";
    private static final String ISSUER = "coffer";
    /** Coffer's tokens are about 600 characters; anything much longer is not one of them and is not parsed. */
    static final int MAX_TOKEN_LENGTH = 2048;
    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9]{1,18}");
    /**
     * Tokens whose signature verified, so a busy client is not parsed again on every call. Only
     * tokens signed with a workspace's key get in, so no unauthenticated input can fill it; at this
     * size (under 20 MB of tokens Coffer issued) it is emptied and refills with the tokens in use.
     */
    static final int MAX_VERIFIED = 10_000;
    private static final ConcurrentHashMap<String, Parsed> VERIFIED = new ConcurrentHashMap<>();
    /** Keyed HMAC prototypes, one per workspace token key seen in a valid-looking token; bounded the same way. */
    private static final int MAX_MACS = 10_000;
    private static final ConcurrentHashMap<java.nio.ByteBuffer, Mac> MACS = new ConcurrentHashMap<>();

    /**
     * The unverified claims Coffer needs to find the key that verifies a token.
     *
     * @param sessionEpoch the user's session epoch when the token was issued
     */
    public record Claims(long userId, String workspace, int sessionEpoch) {
    }

    private AccessTokens() {
    }

    /** Signs a token for a user; {@code now} is the workspace clock. */
    public static String issue(Identity identity, Instant now, String sessionState, String tokenId) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(Long.toString(identity.userId()))
                .claim(WORKSPACE_CLAIM, identity.workspaceName())
                .claim("preferred_username", identity.username())
                .claim("typ", "Bearer")
                .claim("sid", sessionState)
                .claim(EPOCH_CLAIM, identity.sessionEpoch())
                .jwtID(tokenId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiryOf(now)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new MACSigner(identity.tokenKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign access token", e);
        }
        return jwt.serialize();
    }

    /**
     * A token as read before its signature is checked: the claims Coffer needs, its expiry, and the
     * signed bytes with their signature.
     */
    public record Parsed(Claims claims, Instant expiry, byte[] signingInput, byte[] signature,
                         AtomicReference<byte[]> verifiedWith) {

        /**
         * Whether the token is signed with the identity's workspace key, unexpired at {@code now}, and
         * from the user's current session epoch. A signature checked once with a key stays valid with
         * that key, so the key it verified with is remembered; expiry and epoch are checked every time.
         */
        public boolean validFor(Identity identity, Instant now) {
            if (!now.isBefore(expiry) || claims.sessionEpoch() != identity.sessionEpoch()) {
                return false;
            }
            byte[] key = identity.tokenKey();
            if (MessageDigest.isEqual(verifiedWith.get(), key)) {
                return true;
            }
            boolean valid = MessageDigest.isEqual(hmac(key).doFinal(signingInput), signature);
            if (valid) {
                verifiedWith.set(key.clone());
            }
            return valid;
        }
    }

    /**
     * A fresh HMAC-SHA256 keyed for a workspace, cloned from a prototype: creating and keying a Mac
     * from scratch costs more than the MAC itself on the authentication path.
     */
    private static Mac hmac(byte[] key) {
        if (MACS.size() >= MAX_MACS) {
            MACS.clear();
        }
        Mac prototype = MACS.computeIfAbsent(java.nio.ByteBuffer.wrap(key.clone()), k -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
        }
    }

    /**
     * Parses a token; empty when it is not an HS256 JWT with the claims Coffer issues. A token that
     * verified before is answered from {@link #VERIFIED}; others are parsed each time and kept
     * nowhere, so garbage costs a parse and no memory.
     */
    public static Optional<Parsed> parse(String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        Parsed verified = VERIFIED.get(token);
        return verified != null ? Optional.of(verified) : parseUncached(token);
    }

    /** Remembers a token that has just verified. */
    static void verified(String token, Parsed parsed) {
        if (VERIFIED.size() >= MAX_VERIFIED) {
            VERIFIED.clear();
        }
        VERIFIED.putIfAbsent(token, parsed);
    }

    /** How many tokens are remembered (for tests of the bound). */
    static int remembered() {
        return VERIFIED.size();
    }

    private static Optional<Parsed> parseUncached(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            String subject = claims.getSubject();
            Object workspace = claims.getClaim(WORKSPACE_CLAIM);
            Date expiry = claims.getExpirationTime();
            Object epoch = claims.getClaim(EPOCH_CLAIM);
            if (subject == null || !DIGITS.matcher(subject).matches() || !(workspace instanceof String name) || expiry == null
                    || !(epoch instanceof Number number)) {
                return Optional.empty();
            }
            return Optional.of(new Parsed(new Claims(Long.parseLong(subject), name, number.intValue()), expiry.toInstant(),
                    jwt.getSigningInput(), jwt.getSignature().decode(), new AtomicReference<>(new byte[0])));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
