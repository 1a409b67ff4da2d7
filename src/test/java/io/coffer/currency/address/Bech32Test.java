package io.coffer.currency.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Bech32Test {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    /** BIP-173's valid Bech32 strings. */
    static Stream<String> bip173ValidStrings() {
        return Stream.of(
                "A12UEL5L",
                "a12uel5l",
                "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
                "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
                "11" + "q".repeat(82) + "c8247j",
                "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
                "?1ezyfcl");
    }

    /** BIP-350's valid Bech32m strings. */
    static Stream<String> bip350ValidStrings() {
        return Stream.of(
                "A1LQFN3A",
                "a1lqfn3a",
                "an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6",
                "abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx",
                "11" + "l".repeat(82) + "ludsr8",
                "split1checkupstagehandshakeupstreamerranterredcaperredlc445v",
                "?1v759aa");
    }

    /** BIP-173's and BIP-350's invalid strings (HRP characters out of range, bad checksums, too long...). */
    static Stream<String> invalidStrings() {
        return Stream.of(
                "\u00201nwldj5",
                "\u007f1axkwrx",
                "\u00801eym55h",
                "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx",
                "pzry9x0s0muk",
                "1pzry9x0s0muk",
                "x1b4n0q5v",
                "li1dgmt3",
                "de1lg7wt\u00ff",
                "A1G7SGD8",
                "10a06t8",
                "1qzzfhee",
                "\u00201xj0phk",
                "\u007f1g6xzxy",
                "\u00801vctc34",
                "an84characterslonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11d6pts4",
                "qyrz8wqd2c9m",
                "1qyrz8wqd2c9m",
                "y1b0jsk6g",
                "lt1igcx5c0",
                "in1muywd",
                "mm1crxm3i",
                "au1s5cgom",
                "M1VUXWEZ",
                "16plkw9",
                "1p2gdwpf");
    }

    @ParameterizedTest
    @MethodSource("bip173ValidStrings")
    void decodesBip173VectorsAsBech32(String input) {
        assertThat(org.bitcoinj.base.Bech32.decode(input).encoding).as("bitcoinj agrees")
                .isEqualTo(org.bitcoinj.base.Bech32.Encoding.BECH32);
        assertThat(Bech32.decode(input, 90)).hasValueSatisfying(decoded -> {
            assertThat(decoded.variant()).isEqualTo(Bech32.Variant.BECH32);
            assertThat(Bech32.encode(decoded.hrp(), decoded.data(), decoded.variant()))
                    .isEqualTo(input.toLowerCase(Locale.ROOT));
        });
    }

    @ParameterizedTest
    @MethodSource("bip350ValidStrings")
    void decodesBip350VectorsAsBech32m(String input) {
        assertThat(org.bitcoinj.base.Bech32.decode(input).encoding).as("bitcoinj agrees")
                .isEqualTo(org.bitcoinj.base.Bech32.Encoding.BECH32M);
        assertThat(Bech32.decode(input, 90)).hasValueSatisfying(decoded -> {
            assertThat(decoded.variant()).isEqualTo(Bech32.Variant.BECH32M);
            assertThat(Bech32.encode(decoded.hrp(), decoded.data(), decoded.variant()))
                    .isEqualTo(input.toLowerCase(Locale.ROOT));
        });
    }

    @ParameterizedTest
    @MethodSource("invalidStrings")
    void rejectsBip173AndBip350InvalidStrings(String input) {
        assertThat(Bech32.decode(input, 90)).isEmpty();
    }

    @Test
    void rejectsMixedCase() {
        assertThat(Bech32.decode("A12uEL5L", 90)).isEmpty();
        assertThat(Bech32.decode("a12UEL5L", 90)).isEmpty();
    }

    @Test
    void readsStringsLongerThanNinetyCharactersOnlyWhenTheCallerAllowsIt() {
        byte[] data = new byte[120];
        Random random = new Random(3);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) random.nextInt(32);
        }
        String encoded = Bech32.encode("addr", data, Bech32.Variant.BECH32);
        assertThat(encoded).hasSize(4 + 1 + 120 + 6);
        assertThat(Bech32.decode(encoded, 90)).isEmpty();
        assertThat(Bech32.decode(encoded, 200)).hasValueSatisfying(d -> assertThat(d.data()).isEqualTo(data));
    }

    @Test
    void rejectsBech32StringWithOneMistypedCharacterInAnyPosition() {
        Random random = new Random(11);
        for (int trial = 0; trial < 60; trial++) {
            byte[] data = new byte[1 + random.nextInt(50)];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) random.nextInt(32);
            }
            Bech32.Variant variant = random.nextBoolean() ? Bech32.Variant.BECH32 : Bech32.Variant.BECH32M;
            String encoded = Bech32.encode("bc", data, variant);
            assertThat(Bech32.decode(encoded, 90)).hasValueSatisfying(d -> {
                assertThat(d.hrp()).isEqualTo("bc");
                assertThat(d.data()).isEqualTo(data);
                assertThat(d.variant()).isEqualTo(variant);
            });
            for (int position = 3; position < encoded.length(); position++) {
                for (char replacement : CHARSET.toCharArray()) {
                    if (replacement == encoded.charAt(position)) {
                        continue;
                    }
                    String mutated = encoded.substring(0, position) + replacement + encoded.substring(position + 1);
                    assertThat(Bech32.decode(mutated, 90)).as(mutated).isEmpty();
                }
            }
        }
    }

    @Test
    void convertsBitsBackAndForthWithoutLoss() {
        Random random = new Random(5);
        for (int trial = 0; trial < 500; trial++) {
            byte[] bytes = new byte[random.nextInt(70)];
            random.nextBytes(bytes);
            byte[] fives = Bech32.convertBits(bytes, 8, 5, true).orElseThrow();
            assertThat(fives).hasSize((bytes.length * 8 + 4) / 5);
            for (byte five : fives) {
                assertThat(five).isBetween((byte) 0, (byte) 31);
            }
            assertThat(Bech32.convertBits(fives, 5, 8, false)).hasValueSatisfying(back -> assertThat(back).isEqualTo(bytes));
        }
    }

    @Test
    void convertBitsRejectsNonZeroPaddingAndOutOfRangeValues() {
        // one byte needs two 5-bit groups; the last 2 bits of padding must be zero
        assertThat(Bech32.convertBits(new byte[] {31, 28}, 5, 8, false)).hasValueSatisfying(b -> assertThat(b).containsExactly((byte) 0xff));
        assertThat(Bech32.convertBits(new byte[] {31, 29}, 5, 8, false)).isEmpty();
        // a whole unused 5-bit group is more than 4 bits of padding
        assertThat(Bech32.convertBits(new byte[] {31, 28, 0}, 5, 8, false)).isEmpty();
        assertThat(Bech32.convertBits(new byte[] {32}, 5, 8, false)).isEmpty();
    }
}
