package io.coffer.currency.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.crypto.Keys;

class TronAddressesTest {

    private static final TronAddresses TRON = new TronAddresses();

    /** The USDT TRC-20 contract and the all-zero account (TRON's "black hole" address). */
    @ParameterizedTest
    @CsvSource({
            "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t, 41a614f803b6fd780986a42c78ec9c7f77e6ded13c",
            "T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb, 410000000000000000000000000000000000000000",
    })
    void acceptsWellKnownTronAddresses(String address, String payloadHex) {
        assertThat(HexFormat.of().formatHex(org.bitcoinj.base.Base58.decodeChecked(address))).isEqualTo(payloadHex);
        assertThat(TRON.isValid(address)).isTrue();
    }

    @Test
    void derivesTheEthereumAddressBytesBehindTheTronPrefix() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 30; i++) {
            ECKey key = new ECKey(random);
            String ethereum = Keys.getAddress(HexFormat.of().formatHex(key.decompress().getPubKey(), 1, 65));
            String tron = TRON.fromPublicKey(key.getPubKey());
            assertThat(tron).startsWith("T").hasSize(34);
            byte[] payload = org.bitcoinj.base.Base58.decodeChecked(tron);
            assertThat(payload[0]).isEqualTo((byte) 0x41);
            assertThat(HexFormat.of().formatHex(Arrays.copyOfRange(payload, 1, 21))).isEqualTo(ethereum);
            assertThat(TRON.isValid(tron)).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6T",
            "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6",
            "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6tt",
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
            "41a614f803b6fd780986a42c78ec9c7f77e6ded13c",
            "",
    })
    void rejectsMistypedOrForeignAddresses(String address) {
        assertThat(TRON.isValid(address)).isFalse();
    }

    @Test
    void rejectsBase58CheckWithAnotherVersionByte() {
        assertThat(TRON.isValid(org.bitcoinj.base.Base58.encodeChecked(0xa0, new byte[20]))).isFalse();
        assertThat(TRON.isValid(org.bitcoinj.base.Base58.encodeChecked(0x41, new byte[20]))).isTrue();
        assertThat(TRON.isValid(org.bitcoinj.base.Base58.encodeChecked(0x41, new byte[21]))).isFalse();
    }
}
