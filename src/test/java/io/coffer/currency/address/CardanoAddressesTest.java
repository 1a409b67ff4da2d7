package io.coffer.currency.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardanoAddressesTest {

    private static final CardanoAddresses ADA = new CardanoAddresses();

    /** CIP-19's mainnet test vectors, address types 0 to 7. */
    @ParameterizedTest
    @ValueSource(strings = {
            "addr1qx2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzer3n0d3vllmyqwsx5wktcd8cc3sq835lu7drv2xwl2wywfgse35a3x",
            "addr1z8phkx6acpnf78fuvxn0mkew3l0fd058hzquvz7w36x4gten0d3vllmyqwsx5wktcd8cc3sq835lu7drv2xwl2wywfgs9yc0hh",
            "addr1yx2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzerkr0vd4msrxnuwnccdxlhdjar77j6lg0wypcc9uar5d2shs2z78ve",
            "addr1x8phkx6acpnf78fuvxn0mkew3l0fd058hzquvz7w36x4gt7r0vd4msrxnuwnccdxlhdjar77j6lg0wypcc9uar5d2shskhj42g",
            "addr1gx2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzer5pnz75xxcrzqf96k",
            "addr128phkx6acpnf78fuvxn0mkew3l0fd058hzquvz7w36x4gtupnz75xxcrtw79hu",
            "addr1vx2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzers66hrl8",
            "addr1w8phkx6acpnf78fuvxn0mkew3l0fd058hzquvz7w36x4gtcyjy7wx",
    })
    void acceptsCip19MainnetPaymentAddresses(String address) {
        assertThat(ADA.isValid(address)).isTrue();
    }

    /** Byron-era (Icarus style) addresses: CBOR with a CRC32. */
    @ParameterizedTest
    @ValueSource(strings = {
            "Ae2tdPwUPEZFRbyhz3cpfC2CumGzNkFBN2L42rcUc2yjQpEkxDbkPodpMAi",
            "Ae2tdPwUPEZ4YjgvykNpoFeYUxoyhNj2kg8KfKWN2FizsSpLUPv68MpTVDo",
    })
    void acceptsByronAddresses(String address) {
        assertThat(ADA.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // CIP-19 stake (reward) address: not a payment address
            "stake1uyehkck0lajq8gr28t9uxnuvgcqrc6070x3k9r8048z8y5gh6ffgw",
            // CIP-19 testnet address
            "addr_test1qz2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzer3n0d3vllmyqwsx5wktcd8cc3sq835lu7drv2xwl2wywfgs68faae",
            // one character mistyped
            "addr1vx2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzers66hrl9",
            "Ae2tdPwUPEZFRbyhz3cpfC2CumGzNkFBN2L42rcUc2yjQpEkxDbkPodpMAj",
            "Ae2tdPwUPEZFRbyhz3cpfC2CumGzNkFBN2L42rcUc2yjQpEkxDbkPodpMA",
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
            "addr1",
            "",
    })
    void rejectsOtherKindsAndMistypedAddresses(String address) {
        assertThat(ADA.isValid(address)).isFalse();
    }

    @Test
    void derivesEnterpriseAddressesOfTheBlake2b224KeyHash() {
        Random random = new Random(1815);
        for (int i = 0; i < 100; i++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            String address = ADA.fromPublicKey(key);
            assertThat(address).startsWith("addr1v").hasSize(58);
            assertThat(ADA.isValid(address)).isTrue();
            byte[] payload = org.bitcoinj.base.Bech32.decode(address).decode5to8();
            assertThat(payload[0]).isEqualTo((byte) 0x61);
            Blake2bDigest digest = new Blake2bDigest(224);
            digest.update(key, 0, key.length);
            byte[] hash = new byte[28];
            digest.doFinal(hash, 0);
            assertThat(java.util.Arrays.copyOfRange(payload, 1, 29)).isEqualTo(hash);
        }
    }

    @Test
    void rejectsShelleyAddressesOfTheTestNetworkOrWithTheWrongLength() {
        byte[] hash = new byte[28];
        new Random(3).nextBytes(hash);
        assertThat(ADA.isValid(shelley(Hashes.concat(new byte[] {0x61}, hash)))).isTrue();
        assertThat(ADA.isValid(shelley(Hashes.concat(new byte[] {0x60}, hash)))).as("network 0").isFalse();
        assertThat(ADA.isValid(shelley(Hashes.concat(new byte[] {0x61}, hash, new byte[1])))).as("29 bytes of hash").isFalse();
        assertThat(ADA.isValid(shelley(Hashes.concat(new byte[] {0x01}, hash)))).as("base address without stake part").isFalse();
        assertThat(ADA.isValid(shelley(Hashes.concat(new byte[] {0x01}, hash, hash)))).as("base address").isTrue();
        assertThat(ADA.isValid(shelley(Hashes.concat(new byte[] {(byte) 0xe1}, hash)))).as("reward address").isFalse();
    }

    private static String shelley(byte[] payload) {
        return Bech32.encode("addr", Bech32.convertBits(payload, 8, 5, true).orElseThrow(), Bech32.Variant.BECH32);
    }
}
