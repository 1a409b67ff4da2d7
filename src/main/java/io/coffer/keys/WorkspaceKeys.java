package io.coffer.keys;

/**
 * The key material of a workspace.
 *
 * @param seed the 64-byte master seed every account key is derived from
 * @param tokenKey the 32-byte HMAC key access tokens are signed with
 * @param rootCertificate the DER of the workspace's self-signed root certificate (P-256)
 * @param leafCertificate the DER of the signing certificate, issued by the root
 * @param leafPrivateKey the PKCS#8 DER of the signing key, which signs address JWTs
 */
public record WorkspaceKeys(byte[] seed, byte[] tokenKey, byte[] rootCertificate, byte[] leafCertificate,
                            byte[] leafPrivateKey) {

    @Override
    public String toString() {
        return "WorkspaceKeys[redacted]";
    }
}
