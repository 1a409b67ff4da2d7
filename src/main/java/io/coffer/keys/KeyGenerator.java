package io.coffer.keys;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Generates a workspace's keys: a random seed, a token key, and a two-level P-256 certificate
 * chain (root, then the leaf that signs address JWTs).
 */
public final class KeyGenerator {

    private static final Duration VALIDITY = Duration.ofDays(3650);

    private final SecureRandom random;

    public KeyGenerator(SecureRandom random) {
        this.random = random;
    }

    public WorkspaceKeys generate(String workspaceName, Instant now) {
        try {
            byte[] seed = randomBytes(64);
            byte[] tokenKey = randomBytes(32);
            KeyPair root = p256();
            KeyPair leaf = p256();
            X500Name rootName = new X500Name("CN=Coffer workspace " + escape(workspaceName) + " root,O=Coffer");
            X500Name leafName = new X500Name("CN=Coffer workspace " + escape(workspaceName) + " signer,O=Coffer");
            X509CertificateHolder rootCert = certificate(rootName, rootName, root, root, now, true);
            X509CertificateHolder leafCert = certificate(rootName, leafName, leaf, root, now, false);
            return new WorkspaceKeys(seed, tokenKey, rootCert.getEncoded(), leafCert.getEncoded(),
                    leaf.getPrivate().getEncoded());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot generate workspace keys", e);
        }
    }

    private X509CertificateHolder certificate(X500Name issuer, X500Name subject, KeyPair subjectKeys,
                                              KeyPair issuerKeys, Instant now, boolean ca)
            throws IOException, OperatorCreationException {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                new BigInteger(127, random).add(BigInteger.ONE), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(VALIDITY)), subject, subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate()));
    }

    private KeyPair p256() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String escape(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
