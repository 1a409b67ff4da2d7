package io.coffer.user;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/** Validation of the P-256 public keys API users register to sign approvals. */
public final class ApprovalKeys {

    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");

    private ApprovalKeys() {
    }

    /**
     * Normalises an uncompressed P-256 public key given as hex ({@code 04} + X + Y, 130 digits).
     *
     * @return the lowercase hex, or empty when the text is not a point on the curve
     */
    public static Optional<String> normalize(String hex) {
        if (hex == null || !hex.matches("(?i)04[0-9a-f]{128}")) {
            return Optional.empty();
        }
        try {
            var point = P256.getCurve().decodePoint(HexFormat.of().parseHex(hex));
            if (point.isInfinity() || !point.isValid()) {
                return Optional.empty();
            }
            return Optional.of(hex.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
