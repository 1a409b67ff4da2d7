package io.coffer.user;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Access tokens: JWTs signed with the workspace's own HMAC key (HS256), so every Coffer instance
 * sharing the database can verify them. They live {@link #LIFETIME} on the workspace clock.
 */
public final class AccessTokens {

    public static final Duration LIFETIME = Duration.ofSeconds(300);
    private static final String WORKSPACE_CLAIM = "workspace";
    private static final String ISSUER = "coffer";

    /** The unverified claims Coffer needs to find the key that verifies a token. */
    public record Claims(long userId, String workspace) {
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
                .jwtID(tokenId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new MACSigner(identity.tokenKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign access token", e);
        }
        return jwt.serialize();
    }

    /** Reads who a token claims to be, before its signature is checked. */
    public static Optional<Claims> peek(String token) {
        try {
            JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
            String subject = claims.getSubject();
            Object workspace = claims.getClaim(WORKSPACE_CLAIM);
            if (subject == null || !subject.matches("[0-9]{1,18}") || !(workspace instanceof String name)) {
                return Optional.empty();
            }
            return Optional.of(new Claims(Long.parseLong(subject), name));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the token is signed with the identity's workspace key and unexpired at {@code now}. */
    public static boolean valid(String token, Identity identity, Instant now) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new MACVerifier(identity.tokenKey()))) {
                return false;
            }
            Date expiry = jwt.getJWTClaimsSet().getExpirationTime();
            return expiry != null && now.isBefore(expiry.toInstant());
        } catch (ParseException | JOSEException | RuntimeException e) {
            return false;
        }
    }
}
