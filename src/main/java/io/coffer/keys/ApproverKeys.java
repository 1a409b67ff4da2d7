package io.coffer.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * An approver's P-256 key on the approver's own machine, as the {@code keygen} and {@code sign}
 * commands handle it: a PEM private key file (PKCS#8, or the SEC1 "EC PRIVATE KEY" form the guides'
 * tools write), its public key in the form the API registers (uncompressed point, hex), and the
 * ES256 JWS over a challenge's decoded bytes that approves or rejects a request.
 */
public final class ApproverKeys {

    private ApproverKeys() {
    }

    /** A new P-256 key pair. */
    public static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 keys are not available", e);
        }
    }

    /** Writes the private key as PKCS#8 PEM ("PRIVATE KEY", curve named inside) to a new file readable by its owner only. */
    public static void writePrivate(Path file, KeyPair pair) {
        StringWriter pem = new StringWriter();
        try (PemWriter writer = new PemWriter(pem)) {
            writer.writeObject(new PemObject("PRIVATE KEY", pair.getPrivate().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, pem.toString(), StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException(file + " already exists; choose another file, keys are never overwritten");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Reads a P-256 private key from a PEM file (PKCS#8 "PRIVATE KEY" or SEC1 "EC PRIVATE KEY"; a SEC1
     * key without its curve is taken as P-256) and derives its public key.
     */
    public static KeyPair read(Path file) {
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)))) {
            parsed = parser.readObject();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("no key file " + file);
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not a PEM private key: " + e.getMessage());
        }
        PrivateKeyInfo info = switch (parsed) {
            case PEMKeyPair pair -> pair.getPrivateKeyInfo();
            case PrivateKeyInfo pkcs8 -> pkcs8;
            case null, default -> throw new IllegalStateException(file + " holds no private key in PEM form");
        };
        try {
            var curve = info.getPrivateKeyAlgorithm().getParameters();
            if (curve != null && !(curve instanceof org.bouncycastle.asn1.ASN1Null)
                    && !SECObjectIdentifiers.secp256r1.equals(curve)) {
                throw new IllegalStateException(file + " holds a key on another curve; approvals use P-256");
            }
            BigInteger scalar = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey()).getKey();
            ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new ECPrivateKeySpec(scalar, p256()));
            return new KeyPair(publicOf(key), key);
        } catch (IOException | IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalStateException(file + " does not hold a P-256 (EC) private key");
        }
    }

    private static ECParameterSpec p256() throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    /** The public key as the API takes it: {@code 04} followed by X and Y, 65 bytes in hex. */
    public static String publicHex(KeyPair pair) {
        ECPoint point = ((ECPublicKey) pair.getPublic()).getW();
        return "04" + fixed(point.getAffineX()) + fixed(point.getAffineY());
    }

    /** A compact ES256 JWS ({@code {"alg":"ES256"}}, raw r‖s signature) whose payload is the challenge's decoded bytes. */
    public static String signChallenge(KeyPair pair, String base64urlChallenge) {
        byte[] challenge;
        try {
            challenge = Base64.getUrlDecoder().decode(base64urlChallenge.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the challenge is not base64url text, as GET /requests/{id}/challenge answers it");
        }
        try {
            JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload(challenge));
            jws.sign(new ECDSASigner((ECPrivateKey) pair.getPrivate()));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    private static ECPublicKey publicOf(ECPrivateKey key) {
        try {
            ECNamedCurveParameterSpec curve = ECNamedCurveTable.getParameterSpec("secp256r1");
            var q = curve.getG().multiply(key.getS()).normalize();
            ECPoint point = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, key.getParams()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the public key", e);
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
