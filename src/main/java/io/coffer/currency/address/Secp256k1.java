package io.coffer.currency.address;

import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/** Point encodings on secp256k1. */
final class Secp256k1 {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");

    private Secp256k1() {
    }

    /** The 64 bytes X‖Y of a public key given compressed or uncompressed. */
    static byte[] uncompressedXY(byte[] publicKey) {
        byte[] full = CURVE.getCurve().decodePoint(publicKey).getEncoded(false);
        return Arrays.copyOfRange(full, 1, full.length);
    }
}
