package io.coffer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SLIP-0010 test vector 1 for ed25519 (seed 000102030405060708090a0b0c0d0e0f). */
class Slip10Test {

    private static final byte[] SEED = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");

    @ParameterizedTest(name = "m/{0}")
    @CsvSource({
            "'', 2b4be7f19ee27bbf30c667b642d5f4aa69fd169872f8fc3059c08ebae2eb19e7, 00a4b2856bfec510abab89753fac1ac0e1112364e7d250545963f135f2a33188ed",
            "0, 68e0fe46dfb67e368c75379acec591dad19df3cde26e63b93a8e704f1dade7a3, 008c8a13df77a28f3445213a0f432fde644acaa215fc72dcdf300d5efaa85d350c",
            "0/1, b1d0bad404bf35da785a64ca1ac54b2617211d2777696fbffaf208f746ae84f2, 001932a5270f335bed617d5b935c80aedb1a35bd9fc1e31acafd5372c30f5c1187",
            "0/1/2, 92a5b23c0b8a99e37d07df3fb9966917f5d06e02ddbd909c7e184371463e9fc9, 00ae98736566d30ed0e9d2f4486a64bc95740d89c7db33f52121f8ea8f76ff0fc1",
            "0/1/2/2, 30d1dc7e5fc04c31219ab25a27ae00b50f6fd66622f6e9c913253d6511d1e662, 008abae2d66361c879b900d204ad2cc4984fa2aa344dd7ddc46007329ac76c429c",
            "0/1/2/2/1000000000, 8f94d394a8e8fd6b1bc2f3f49f5c47e385281d5c17e65324b0f62483e37e8793, 003c24da049451555d51a7014a37337aa4e12d41e485abccfa46b47dfb2af54b7a",
    })
    void derivesSlip10TestVectorOneKeys(String hardenedSteps, String privateKey, String publicKey) {
        int[] steps = hardenedSteps.isEmpty() ? new int[0]
                : Arrays.stream(hardenedSteps.split("/")).mapToInt(Integer::parseInt).toArray();
        HdPath path = HdPath.hardened(steps);
        assertThat(HexFormat.of().formatHex(Slip10.privateKey(SEED, path))).isEqualTo(privateKey);
        // SLIP-0010 writes Ed25519 public keys with a 00 prefix byte
        assertThat("00" + HexFormat.of().formatHex(Slip10.publicKey(SEED, path))).isEqualTo(publicKey);
        // and the JDK's own Ed25519 gives the same public key for the private key
        assertThat("00" + HexFormat.of().formatHex(jdkPublicKey(HexFormat.of().parseHex(privateKey)))).isEqualTo(publicKey);
    }

    @Test
    void derivesPublicKeysThatTheJdksEd25519Agrees() {
        for (int account = 0; account < 5; account++) {
            HdPath path = HdPath.hardened(44, 501, account, 0);
            assertThat(Slip10.publicKey(SEED, path)).isEqualTo(jdkPublicKey(Slip10.privateKey(SEED, path)));
        }
    }

    /** The JDK's Ed25519 public key of a 32-byte private key (fed to its key generator as the "random" bytes). */
    private static byte[] jdkPublicKey(byte[] privateKey) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(privateKey, 0, bytes, 0, bytes.length);
                }
            });
            byte[] encoded = generator.generateKeyPair().getPublic().getEncoded();
            return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void refusesNonHardenedSteps() {
        HdPath path = HdPath.hardened(44, 501).child(0, false);
        assertThatThrownBy(() -> Slip10.privateKey(SEED, path)).isInstanceOf(IllegalArgumentException.class);
        assertThat(path.steps()).isEqualTo(List.of(44, 501, 0));
    }
}
