package io.coffer.user;

import io.coffer.common.Outcome;
import io.coffer.common.Problem;
import io.coffer.common.UnitOfWork;
import io.coffer.keys.ApproverKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * API access for users created by a governed request: the user proves it holds the approval key the
 * admins approved it with, by signing a challenge (ES256 JWS over the challenge's bytes, as for
 * approvals), and receives a new API key id and secret, shown once. Claiming again replaces the key
 * and ends every session, which is also how a user rotates its API key. No admin can obtain a
 * user's API key this way, and no workspace state is needed to issue a challenge: it carries its own
 * expiry and a MAC under the workspace's token key, so asking for one writes nothing.
 */
public final class ApiAccessService {

    /**
     * How long a challenge may be signed and used, in real time (not the workspace clock, which the
     * sandbox moves: a challenge would tell by its expiry whether a user exists).
     */
    static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}");
    private static final Pattern PAYLOAD = Pattern.compile("\\{\"antireplay\":\"([0-9a-f]{64})\",\"data\":\\{"
            + "\"expires_at_ms\":([0-9]{1,15}),\"username\":\"([A-Za-z0-9_.@-]{1,64})\",\"workspace\":\"([A-Za-z0-9_.-]{1,64})\"},"
            + "\"type\":\"API_ACCESS\"}");
    private static final String REFUSED = "the API access claim is invalid or expired";

    private final UnitOfWork unitOfWork;
    private final Identities identities;
    private final ApiUsers users;
    private final Secrets secrets;
    private final InstantSource clock;
    private final SecureRandom random;
    private final IdentityCache identityCache;
    /** Signs challenges for names that match no user, so a challenge does not tell whether a user exists. */
    private final byte[] decoyKey = new byte[32];
    /** Checks signatures on claims for names that match no user, so they cost what real ones do. */
    private final String decoyPublicKey;

    public ApiAccessService(UnitOfWork unitOfWork, Identities identities, ApiUsers users, Secrets secrets,
                            InstantSource clock, SecureRandom random, IdentityCache identityCache) {
        this.unitOfWork = unitOfWork;
        this.identities = identities;
        this.users = users;
        this.secrets = secrets;
        this.clock = clock;
        this.random = random;
        this.identityCache = identityCache;
        random.nextBytes(decoyKey);
        this.decoyPublicKey = ApproverKeys.publicHex(ApproverKeys.generate(random));
    }

    /** A challenge for a user of a workspace to sign with its approval key (base64url of its bytes). */
    public Outcome<String> challenge(String workspaceName, String username) {
        if (!NAME.matcher(workspaceName).matches() || !NAME.matcher(username).matches()) {
            return Outcome.invalid("workspace and username must be names such as acme and alice");
        }
        Optional<Identity> identity = unitOfWork.read(tx -> identities.byUsername(tx, workspaceName, username))
                .filter(Identity::mayUseApiKey);
        long expiresAt = clock.instant().plus(CHALLENGE_LIFETIME).toEpochMilli();
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        byte[] key = identity.map(Identity::tokenKey).orElse(decoyKey);
        String antireplay = HexFormat.of().formatHex(nonce) + HexFormat.of().formatHex(mac(key, nonce, workspaceName,
                username, expiresAt));
        String payload = "{\"antireplay\":\"" + antireplay + "\",\"data\":{\"expires_at_ms\":" + expiresAt + ",\"username\":\""
                + username + "\",\"workspace\":\"" + workspaceName + "\"},\"type\":\"API_ACCESS\"}";
        return Outcome.ok(Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.US_ASCII)));
    }

    /** New API credentials for the user whose approval key signed this challenge; the old ones and every session end. */
    public Outcome<ApiUserCredentials> claim(String workspaceName, String jws) {
        Optional<byte[]> payload = SignedChallenge.payload(jws);
        if (payload.isEmpty()) {
            return Outcome.invalid("jws is not a compact ES256 JWS");
        }
        Matcher fields = PAYLOAD.matcher(new String(payload.get(), StandardCharsets.US_ASCII));
        if (!fields.matches() || !fields.group(4).equals(workspaceName)) {
            return refused();
        }
        byte[] antireplay = HexFormat.of().parseHex(fields.group(1));
        long expiresAt = Long.parseLong(fields.group(2));
        String username = fields.group(3);
        // Everything a claim proves is checked by reading; only a claim that holds opens a write, so a
        // stream of forged claims costs reads, never a place in the writer's queue. A name that
        // matches no user is checked the same way against decoys (its challenge was signed with the
        // decoy key), so how long a refusal takes does not tell whether the user exists.
        Optional<Identity> identity = unitOfWork.read(tx -> identities.byUsername(tx, workspaceName, username))
                .filter(Identity::mayUseApiKey);
        byte[] expected = mac(identity.map(Identity::tokenKey).orElse(decoyKey), Arrays.copyOf(antireplay, 16),
                workspaceName, username, expiresAt);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(antireplay, 16, 32))
                || clock.instant().toEpochMilli() >= expiresAt) {
            return refused();
        }
        long workspaceId = identity.map(Identity::workspaceId).orElse(0L);
        long userId = identity.map(Identity::userId).orElse(0L);
        Optional<String> stored = unitOfWork.read(tx -> users.find(tx, workspaceId, userId)).flatMap(ApiUser::publicKey);
        Optional<String> key = identity.isPresent() ? stored : Optional.empty();
        boolean signed = SignedChallenge.verifies(jws, key.orElse(decoyPublicKey));
        if (key.isEmpty() || !signed) {
            return refused();
        }
        Identity user = identity.get();
        Outcome<ApiUserCredentials> claimed = unitOfWork.write(tx -> {
            users.lock(tx, user.workspaceId(), user.userId());
            boolean unchanged = users.find(tx, user.workspaceId(), user.userId())
                    .filter(ApiUser::canAct).flatMap(ApiUser::publicKey).equals(key);
            // Single use: a claim needs a challenge that expires after the one last claimed with.
            if (!unchanged || expiresAt <= users.accessClaimedUntil(tx, user.userId())) {
                return refused();
            }
            users.setAccessClaimedUntil(tx, user.userId(), expiresAt);
            String apiKeyId = secrets.token(16);
            String secret = secrets.token(32);
            users.replaceSecret(tx, user.userId(), apiKeyId, Secrets.hash(secret));
            users.endSessions(tx, user.userId());
            return Outcome.ok(new ApiUserCredentials(user.userId(), username, apiKeyId, secret));
        });
        if (claimed.isOk()) {
            identityCache.evictWorkspace(user.workspaceId());
        }
        return claimed;
    }

    private static <T> Outcome<T> refused() {
        return Outcome.failed(Problem.unauthenticated(REFUSED));
    }

    private static byte[] mac(byte[] key, byte[] nonce, String workspace, String username, long expiresAt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update("coffer api access".getBytes(StandardCharsets.US_ASCII));
            mac.update(nonce);
            mac.update((workspace + "\n" + username + "\n").getBytes(StandardCharsets.US_ASCII));
            mac.update(ByteBuffer.allocate(8).putLong(expiresAt).array());
            return Arrays.copyOf(mac.doFinal(), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
