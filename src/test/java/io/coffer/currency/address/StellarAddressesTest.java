package io.coffer.currency.address;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.io.BaseEncoding;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StellarAddressesTest {

    private static final StellarAddresses XLM = new StellarAddresses();
    private static final String BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    @ParameterizedTest
    @ValueSource(strings = {
            "GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZ",
            "GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7",
            "GCEZWKCA5VLDNRLN3RPRJMRZOX3Z6G5CHCGSNFHEYVXM3XOJMDS674JZ",
    })
    void acceptsRealAccountIds(String address) {
        assertThat(independentlyValid(address)).as("independent StrKey check").isTrue();
        assertThat(XLM.isValid(address)).isTrue();
    }

    /** SEP-23's invalid account ids, and other near misses. */
    @ParameterizedTest
    @ValueSource(strings = {
            "GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUACUSI",
            "G47QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVP2I",
            "GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZA",
            "GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSG",
            "GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGY",
            "Ga7qynf7sowq3glr2bgmzehxavirza4kvwltjjfc7mgxua74p7ujvsgz",
            "GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSG=",
            "",
    })
    void rejectsInvalidAccountIds(String address) {
        assertThat(XLM.isValid(address)).isFalse();
    }

    @Test
    void rejectsStrKeysOfOtherTypesWithValidChecksums() {
        byte[] key = new byte[32];
        new Random(1).nextBytes(key);
        // 18 << 3: secret seed ('S'); 19 << 3: pre-auth tx ('T'); 23 << 3: hash-x ('X');
        // 49: starts with 'G' like an account id but has the low "algorithm" bits set
        for (int version : new int[] {18 << 3, 19 << 3, 23 << 3, 49}) {
            String strKey = independentEncode(version, key);
            assertThat(independentlyValidStrKey(strKey, version)).isTrue();
            assertThat(XLM.isValid(strKey)).as(strKey).isFalse();
        }
        assertThat(XLM.isValid(independentEncode(6 << 3, key))).isTrue();
    }

    @Test
    void derivesTheSameStrKeyAsAnIndependentEncoder() {
        // RFC 8032 test 1 public key, and random keys
        byte[] rfc8032 = HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(XLM.fromPublicKey(rfc8032)).isEqualTo(independentEncode(6 << 3, rfc8032));
        Random random = new Random(8);
        for (int i = 0; i < 200; i++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            String address = XLM.fromPublicKey(key);
            assertThat(address).startsWith("G").hasSize(56).isEqualTo(independentEncode(6 << 3, key));
            assertThat(XLM.isValid(address)).isTrue();
        }
    }

    @Test
    void rejectsAccountIdWithOneMistypedCharacterInAnyPosition() {
        String address = "GCEZWKCA5VLDNRLN3RPRJMRZOX3Z6G5CHCGSNFHEYVXM3XOJMDS674JZ";
        for (int position = 0; position < address.length(); position++) {
            for (char replacement : BASE32_ALPHABET.toCharArray()) {
                if (replacement == address.charAt(position)) {
                    continue;
                }
                String mutated = address.substring(0, position) + replacement + address.substring(position + 1);
                assertThat(XLM.isValid(mutated)).as(mutated).isFalse();
            }
        }
    }

    private static boolean independentlyValid(String address) {
        return address.length() == 56 && independentlyValidStrKey(address, 6 << 3);
    }

    private static boolean independentlyValidStrKey(String strKey, int version) {
        byte[] raw = BaseEncoding.base32().omitPadding().decode(strKey.toUpperCase(Locale.ROOT));
        int crc = crc16XModem(Arrays.copyOf(raw, raw.length - 2));
        return (raw[0] & 0xff) == version
                && (raw[raw.length - 2] & 0xff) == (crc & 0xff)
                && (raw[raw.length - 1] & 0xff) == (crc >>> 8);
    }

    private static String independentEncode(int version, byte[] key) {
        byte[] body = new byte[1 + key.length];
        body[0] = (byte) version;
        System.arraycopy(key, 0, body, 1, key.length);
        int crc = crc16XModem(body);
        byte[] raw = Arrays.copyOf(body, body.length + 2);
        raw[body.length] = (byte) crc;
        raw[body.length + 1] = (byte) (crc >>> 8);
        return BaseEncoding.base32().omitPadding().encode(raw);
    }

    /** CRC-16/XMODEM, table-driven (a different shape from the production loop). */
    private static int crc16XModem(byte[] data) {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int value = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                value = (value & 0x8000) != 0 ? (value << 1) ^ 0x1021 : value << 1;
            }
            table[i] = value & 0xffff;
        }
        int crc = 0;
        for (byte b : data) {
            crc = ((crc << 8) ^ table[((crc >>> 8) ^ (b & 0xff)) & 0xff]) & 0xffff;
        }
        return crc;
    }
}
