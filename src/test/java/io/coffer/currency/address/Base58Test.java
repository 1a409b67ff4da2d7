package io.coffer.currency.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base58Test {

    private static final HexFormat HEX = HexFormat.of();
    private static final String BITCOIN_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String RIPPLE_ALPHABET = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz";

    /** Bitcoin Core's base58_encode_decode.json vectors (the short ones). */
    @ParameterizedTest
    @CsvSource({
            "61, 2g",
            "626262, a3gV",
            "636363, aPEr",
            "73696d706c792061206c6f6e6720737472696e67, 2cFupjhnEsSn59qHXstmK2ffpLv2",
            "00eb15231dfceb60925886b67d065299925915aeb172c06647, 1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L",
            "516b6fcd0f, ABnLTmg",
            "bf4f89001e670274dd, 3SEo3LWLoPntC",
            "572e4794, 3EFU7m",
            "ecac89cad93923c02321, EJDM8drfXA6uyA",
            "10c8511e, Rt5zm",
            "00000000000000000000, 1111111111",
    })
    void encodesAndDecodesBitcoinCoreVectors(String hex, String base58) {
        byte[] bytes = HEX.parseHex(hex);
        assertThat(org.bitcoinj.base.Base58.encode(bytes)).as("vector agrees with bitcoinj").isEqualTo(base58);
        assertThat(Base58.BITCOIN.encode(bytes)).isEqualTo(base58);
        assertThat(Base58.BITCOIN.decode(base58)).hasValueSatisfying(decoded -> assertThat(decoded).isEqualTo(bytes));
    }

    @Test
    void encodesEmptyInputAsEmptyStringButDoesNotDecodeEmptyString() {
        assertThat(Base58.BITCOIN.encode(new byte[0])).isEmpty();
        assertThat(Base58.BITCOIN.decode("")).isEmpty();
    }

    @Test
    void agreesWithBitcoinjOnRandomBytesIncludingLeadingZeros() {
        Random random = new Random(20240601L);
        for (int trial = 0; trial < 3000; trial++) {
            int zeros = random.nextInt(6);
            byte[] bytes = new byte[zeros + random.nextInt(60)];
            for (int i = zeros; i < bytes.length; i++) {
                bytes[i] = (byte) random.nextInt(256);
            }
            String expected = org.bitcoinj.base.Base58.encode(bytes);
            assertThat(Base58.BITCOIN.encode(bytes)).as("encode %s", HEX.formatHex(bytes)).isEqualTo(expected);
            if (bytes.length > 0) {
                assertThat(Base58.BITCOIN.decode(expected)).as("decode %s", expected)
                        .hasValueSatisfying(decoded -> assertThat(decoded).isEqualTo(bytes));
                assertThat(org.bitcoinj.base.Base58.decode(Base58.BITCOIN.encode(bytes))).isEqualTo(bytes);
            }
        }
    }

    @Test
    void encodesAllZeroInputAsOneLeadingCharacterPerZeroByte() {
        for (int n = 1; n <= 40; n++) {
            byte[] zeros = new byte[n];
            assertThat(Base58.BITCOIN.encode(zeros)).isEqualTo("1".repeat(n));
            assertThat(Base58.BITCOIN.decode("1".repeat(n))).hasValueSatisfying(d -> assertThat(d).isEqualTo(zeros));
            assertThat(Base58.RIPPLE.encode(zeros)).isEqualTo("r".repeat(n));
        }
    }

    @Test
    void encodeCheckedAgreesWithBitcoinjOnRandomPayloads() {
        Random random = new Random(7);
        for (int trial = 0; trial < 500; trial++) {
            int version = random.nextInt(256);
            byte[] body = new byte[random.nextInt(40)];
            random.nextBytes(body);
            byte[] payload = Hashes.concat(new byte[] {(byte) version}, body);
            String expected = org.bitcoinj.base.Base58.encodeChecked(version, body);
            assertThat(Base58.BITCOIN.encodeChecked(payload)).isEqualTo(expected);
            assertThat(Base58.BITCOIN.decodeChecked(expected)).hasValueSatisfying(d -> assertThat(d).isEqualTo(payload));
        }
    }

    @Test
    void decodesTheGenesisAddressToItsPublicKeyHash() {
        assertThat(Base58.BITCOIN.decodeChecked("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"))
                .hasValueSatisfying(payload -> assertThat(HEX.formatHex(payload))
                        .isEqualTo("0062e907b15cbf27d5425399ebf6f0fb50ebb88f18"));
    }

    @Test
    void rejectsBase58CheckWithOneMistypedCharacter() {
        assertThat(Base58.BITCOIN.decodeChecked("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")).isEmpty();
        assertThat(Base58.BITCOIN.decodeChecked("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")).isPresent();
    }

    @Test
    void rejectsBase58CheckTooShortToHoldAChecksum() {
        assertThat(Base58.BITCOIN.decodeChecked("1")).isEmpty();
        assertThat(Base58.BITCOIN.decodeChecked(Base58.BITCOIN.encode(new byte[] {1, 2, 3, 4}))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "O", "I", "l", "1A1zP1eP5QGefi2DMPTfTL5SLmv7Divf0a", "abc def", "é", "+", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa\n"})
    void rejectsCharactersOutsideTheBitcoinAlphabet(String input) {
        assertThat(Base58.BITCOIN.decode(input)).isEmpty();
    }

    @Test
    void rejectsOverlongInput() {
        assertThat(Base58.BITCOIN.decode("2".repeat(257))).isEmpty();
        assertThat(Base58.BITCOIN.decode("2".repeat(200))).isPresent();
    }

    /** XRP Ledger's well-known special accounts: ACCOUNT_ZERO, ACCOUNT_ONE and the genesis account. */
    @ParameterizedTest
    @CsvSource({
            "000000000000000000000000000000000000000000, rrrrrrrrrrrrrrrrrrrrrhoLvTp",
            "000000000000000000000000000000000000000001, rrrrrrrrrrrrrrrrrrrrBZbvji",
            "00b5f762798a53d543a014caf8b297cff8f2f937e8, rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh",
    })
    void encodesRippleSpecialAccountsInTheRippleAlphabet(String payloadHex, String address) {
        byte[] payload = HEX.parseHex(payloadHex);
        assertThat(Base58.RIPPLE.encodeChecked(payload)).isEqualTo(address);
        assertThat(Base58.RIPPLE.decodeChecked(address)).hasValueSatisfying(d -> assertThat(d).isEqualTo(payload));
        // independent check: the same string spelled in Bitcoin's alphabet is valid Base58Check for bitcoinj
        assertThat(org.bitcoinj.base.Base58.decodeChecked(toBitcoinAlphabet(address))).isEqualTo(payload);
    }

    @Test
    void rippleAlphabetAgreesWithBitcoinAlphabetUpToLetterSubstitution() {
        Random random = new Random(99);
        for (int trial = 0; trial < 500; trial++) {
            byte[] bytes = new byte[1 + random.nextInt(40)];
            random.nextBytes(bytes);
            if (random.nextBoolean()) {
                bytes[0] = 0;
            }
            String ripple = Base58.RIPPLE.encode(bytes);
            assertThat(toBitcoinAlphabet(ripple)).isEqualTo(org.bitcoinj.base.Base58.encode(bytes));
            assertThat(Base58.RIPPLE.decode(ripple)).hasValueSatisfying(d -> assertThat(d).isEqualTo(bytes));
        }
    }

    @Test
    void rippleAlphabetRejectsTheBitcoinOnlyCharacterZeroAndSimilar() {
        // '0', 'O', 'I' and 'l' are in neither alphabet
        assertThat(Base58.RIPPLE.decode("rHb9CJAWyB4rj91VRWn96DkukG4bwdty0h")).isEmpty();
        assertThat(Base58.RIPPLE.decode("rHb9CJAWyB4rj91VRWn96DkukG4bwdtylh")).isEmpty();
    }

    private static String toBitcoinAlphabet(String ripple) {
        StringBuilder out = new StringBuilder();
        for (char c : ripple.toCharArray()) {
            out.append(BITCOIN_ALPHABET.charAt(RIPPLE_ALPHABET.indexOf(c)));
        }
        return out.toString();
    }
}
