package io.coffer.currency.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.crypto.Keys;

class EvmAddressesTest {

    private static final EvmAddresses EVM = new EvmAddresses();

    /** EIP-55's examples of checksummed addresses. */
    @ParameterizedTest
    @ValueSource(strings = {
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    })
    void acceptsEip55ExamplesAndComputesTheSameChecksum(String address) {
        assertThat(Keys.toChecksumAddress(address.toLowerCase(Locale.ROOT))).as("web3j agrees").isEqualTo(address);
        assertThat(EVM.isValid(address)).isTrue();
        assertThat(EvmAddresses.checksummed(address.substring(2).toLowerCase(Locale.ROOT))).isEqualTo(address);
        assertThat(EvmAddresses.checksummed(address.substring(2).toUpperCase(Locale.ROOT))).isEqualTo(address);
    }

    /** EIP-55's all-caps and all-lowercase examples: valid, with no checksum to check. */
    @ParameterizedTest
    @ValueSource(strings = {
            "0x52908400098527886E0F7030069857D2E4169EE7",
            "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
            "0xde709f2102306220921060314715629080e2fb77",
            "0x27b1fdb04752bbc536007a920d24acb045561c26",
            "0x0000000000000000000000000000000000000000",
    })
    void acceptsSingleCaseAddressesWithoutChecksum(String address) {
        assertThat(EVM.isValid(address)).isTrue();
        assertThat(EvmAddresses.checksummed(address.substring(2))).isEqualTo(Keys.toChecksumAddress(address));
    }

    @Test
    void rejectsEip55AddressWithTheCaseOfOneLetterFlipped() {
        String address = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        int checked = 0;
        for (int i = 2; i < address.length(); i++) {
            char c = address.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
            String mutated = address.substring(0, i) + flipped + address.substring(i + 1);
            assertThat(EVM.isValid(mutated)).as(mutated).isFalse();
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void rejectsEip55AddressWithOneDigitChanged() {
        // 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed with its last digit changed 'd' -> 'e', keeping the case
        assertThat(EVM.isValid("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAee")).isFalse();
        assertThat(EVM.isValid("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d358")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "0x",
            "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed0",
            "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg",
            "0x 5aeb6053f3e94c9b9a09f33669435e7ef1beaed",
            "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed ",
            "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
    })
    void rejectsMalformedAddresses(String address) {
        assertThat(EVM.isValid(address)).isFalse();
    }

    @Test
    void derivesTheSameChecksummedAddressAsWeb3jFromCompressedOrUncompressedKeys() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 50; i++) {
            ECKey key = new ECKey(random);
            byte[] uncompressed = key.decompress().getPubKey();
            String web3j = Keys.toChecksumAddress(Keys.getAddress(HexFormat.of().formatHex(uncompressed, 1, 65)));
            assertThat(EVM.fromPublicKey(key.getPubKey())).isEqualTo(web3j);
            assertThat(EVM.fromPublicKey(uncompressed)).isEqualTo(web3j);
            assertThat(EVM.isValid(web3j)).isTrue();
        }
    }

    @Test
    void derivesTheAddressOfPrivateKeyOne() {
        // the generator point G: its well-known Ethereum address
        assertThat(Keys.toChecksumAddress(Keys.getAddress(org.web3j.crypto.ECKeyPair.create(java.math.BigInteger.ONE))))
                .isEqualTo("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
        assertThat(EVM.fromPublicKey(ECKey.publicKeyFromPrivate(java.math.BigInteger.ONE, true))).isEqualTo("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
    }

    @Test
    void computesTheSameChecksumAsWeb3jForRandomAddresses() {
        Random random = new Random(55);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[20];
            random.nextBytes(bytes);
            String hex = HexFormat.of().formatHex(bytes);
            String expected = Keys.toChecksumAddress(hex);
            assertThat(EvmAddresses.checksummed(hex)).isEqualTo(expected);
            assertThat(EVM.isValid(expected)).isTrue();
            assertThat(EVM.isValid("0x" + hex)).isTrue();
            assertThat(EVM.isValid("0x" + hex.toUpperCase(Locale.ROOT))).isTrue();
        }
    }
}
