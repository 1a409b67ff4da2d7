package io.coffer.currency.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Random;
import org.bitcoinj.base.Bech32.Encoding;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CosmosAddressesTest {

    private static final CosmosAddresses ATOM = new CosmosAddresses("cosmos");

    @Test
    void derivesBech32OfTheKeysHash160LikeBitcoinj() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 30; i++) {
            ECKey key = new ECKey(random);
            String expected = org.bitcoinj.base.Bech32.encodeBytes(Encoding.BECH32, "cosmos", key.getPubKeyHash());
            assertThat(ATOM.fromPublicKey(key.getPubKey())).isEqualTo(expected).startsWith("cosmos1").hasSize(45);
            assertThat(ATOM.isValid(expected)).isTrue();
        }
    }

    @Test
    void acceptsModuleAccountsOf32Bytes() {
        byte[] id = new byte[32];
        new Random(1).nextBytes(id);
        assertThat(ATOM.isValid(org.bitcoinj.base.Bech32.encodeBytes(Encoding.BECH32, "cosmos", id))).isTrue();
        assertThat(ATOM.isValid(org.bitcoinj.base.Bech32.encodeBytes(Encoding.BECH32, "cosmos", new byte[21]))).isFalse();
    }

    @Test
    void rejectsOtherPrefixesAndBech32m() {
        byte[] hash = new byte[20];
        new Random(2).nextBytes(hash);
        assertThat(ATOM.isValid(org.bitcoinj.base.Bech32.encodeBytes(Encoding.BECH32, "cosmosvaloper", hash))).isFalse();
        assertThat(ATOM.isValid(org.bitcoinj.base.Bech32.encodeBytes(Encoding.BECH32, "osmo", hash))).isFalse();
        assertThat(ATOM.isValid(org.bitcoinj.base.Bech32.encodeBytes(Encoding.BECH32M, "cosmos", hash))).isFalse();
        assertThat(ATOM.isValid(org.bitcoinj.base.Bech32.encodeBytes(Encoding.BECH32, "cosmos", hash))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal5",
            "cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal",
            "COSMOS19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            "",
    })
    void rejectsMistypedAndForeignAddresses(String address) {
        assertThat(ATOM.isValid(address)).isFalse();
    }

    @Test
    void acceptsTheSameAddressInUppercase() {
        assertThat(ATOM.isValid("cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4")).isTrue();
        assertThat(ATOM.isValid("COSMOS19RL4CM2HMR8AFY4KLDPXZ3FKA4JGUQ0AUQDAL4")).isTrue();
    }
}
