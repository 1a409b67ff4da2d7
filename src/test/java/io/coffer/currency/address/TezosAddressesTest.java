package io.coffer.currency.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TezosAddressesTest {

    private static final TezosAddresses XTZ = new TezosAddresses();

    /** Tezos sandbox bootstrap accounts: public key (edpk) and address (tz1). */
    @ParameterizedTest
    @CsvSource({
            "edpkuBknW28nW72KG6RoHtYW7p12T6GKc7nAbwYX5m8Wd9sDVC9yav, tz1KqTpEZ7Yob7QbPE4Hy4Wo8fHG8LhKxZSx",
            "edpktzNbDAUjUk697W7gYg2CRuBQjyPxbEg8dLccYYwKSKvkPvjtV9, tz1gjaF81ZRRvdzjobyfVNsAeSC6PScjfQwN",
    })
    void derivesTheBootstrapAccountAddressesFromTheirPublicKeys(String edpk, String address) {
        byte[] decoded = org.bitcoinj.base.Base58.decodeChecked(edpk);
        assertThat(Arrays.copyOf(decoded, 4)).containsExactly(13, 15, 37, 217);
        byte[] publicKey = Arrays.copyOfRange(decoded, 4, 36);
        assertThat(XTZ.fromPublicKey(publicKey)).isEqualTo(address);
        assertThat(XTZ.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"KT1PWx2mnDueood7fEmfbBDKx1D9BAnnXitn"})
    void acceptsContractAddresses(String address) {
        assertThat(XTZ.isValid(address)).isTrue();
    }

    @Test
    void acceptsEveryImplicitAccountKindAndContracts() {
        Random random = new Random(4);
        byte[][] prefixes = {{6, (byte) 161, (byte) 159}, {6, (byte) 161, (byte) 161}, {6, (byte) 161, (byte) 164},
                {6, (byte) 161, (byte) 166}, {2, 90, 121}};
        String[] starts = {"tz1", "tz2", "tz3", "tz4", "KT1"};
        for (int i = 0; i < 100; i++) {
            byte[] hash = new byte[20];
            random.nextBytes(hash);
            for (int p = 0; p < prefixes.length; p++) {
                String address = org.bitcoinj.base.Base58.encodeChecked(prefixes[p][0] & 0xff,
                        Hashes.concat(Arrays.copyOfRange(prefixes[p], 1, 3), hash));
                assertThat(address).startsWith(starts[p]).hasSize(36);
                assertThat(XTZ.isValid(address)).as(address).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "tz1KqTpEZ7Yob7QbPE4Hy4Wo8fHG8LhKxZSX",
            "tz1KqTpEZ7Yob7QbPE4Hy4Wo8fHG8LhKxZS",
            "tz1KqTpEZ7Yob7QbPE4Hy4Wo8fHG8LhKxZSxx",
            "edpkuBknW28nW72KG6RoHtYW7p12T6GKc7nAbwYX5m8Wd9sDVC9yav",
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
            "",
    })
    void rejectsMistypedAddressesAndOtherBase58CheckObjects(String address) {
        assertThat(XTZ.isValid(address)).isFalse();
    }

    @Test
    void derivesTz1FromTheBlake2b160OfTheKey() {
        Random random = new Random(12);
        for (int i = 0; i < 100; i++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            Blake2bDigest digest = new Blake2bDigest(160);
            digest.update(key, 0, key.length);
            byte[] hash = new byte[20];
            digest.doFinal(hash, 0);
            String expected = org.bitcoinj.base.Base58.encodeChecked(6, Hashes.concat(new byte[] {(byte) 161, (byte) 159}, hash));
            assertThat(XTZ.fromPublicKey(key)).isEqualTo(expected).startsWith("tz1");
        }
    }
}
