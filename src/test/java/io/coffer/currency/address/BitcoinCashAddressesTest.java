package io.coffer.currency.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.LegacyAddress;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BitcoinCashAddressesTest {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final BitcoinCashAddresses BCH = new BitcoinCashAddresses();

    /** The CashAddr specification's examples: each legacy address with its CashAddr spelling. */
    @ParameterizedTest
    @CsvSource({
            "1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu, bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a",
            "1KXrWXciRDZUpQwQmuM1DbwsKDLYAYsVLR, bitcoincash:qr95sy3j9xwd2ap32xkykttr4cvcu7as4y0qverfuy",
            "16w1D5WRVKJuZUsSRzdLp9w3YGcgoxDXb, bitcoincash:qqq3728yw0y47sqn6l2na30mcw6zm78dzqre909m2r",
            "3CWFddi6m4ndiGyKqzYvsFYagqDLPVMTzC, bitcoincash:ppm2qsznhks23z7629mms6s4cwef74vcwvn0h829pq",
            "3LDsS579y7sruadqu11beEJoTjdFiFCdX4, bitcoincash:pr95sy3j9xwd2ap32xkykttr4cvcu7as4yc93ky28e",
            "31nwvkZwyPdgzjBJZXfDmSWsC4ZLKpYyUw, bitcoincash:pqq3728yw0y47sqn6l2na30mcw6zm78dzq5ucqzc37",
    })
    void acceptsCashAddrSpecExamplesAndTheirLegacyForms(String legacy, String cashAddr) {
        assertThat(BCH.isValid(legacy)).isTrue();
        assertThat(BCH.isValid(cashAddr)).isTrue();
        assertThat(BCH.isValid(cashAddr.substring("bitcoincash:".length()))).as("without prefix").isTrue();
        assertThat(BCH.isValid(cashAddr.toUpperCase(Locale.ROOT))).as("all uppercase").isTrue();
        assertThat(BitcoinCashAddresses.legacy(cashAddr)).contains(legacy);
        assertThat(BitcoinCashAddresses.legacy(cashAddr.substring("bitcoincash:".length()).toUpperCase(Locale.ROOT)))
                .contains(legacy);
        assertThat(BitcoinCashAddresses.legacy(legacy)).as("already legacy").isEmpty();
        // both spell the same hash (checked against bitcoinj's reading of the legacy address)
        LegacyAddress parsed = (LegacyAddress) AddressParser.getLegacy(BitcoinNetwork.MAINNET).parseAddress(legacy);
        byte[] payload = cashAddrPayload(cashAddr);
        assertThat(payload[0]).isEqualTo(parsed.p2sh ? (byte) 8 : (byte) 0);
        assertThat(Arrays.copyOfRange(payload, 1, 21)).isEqualTo(parsed.getHash());
    }

    @Test
    void derivesCashAddrP2pkhOfTheKeysHash() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 30; i++) {
            ECKey key = new ECKey(random);
            String address = BCH.fromPublicKey(key.getPubKey());
            assertThat(address).startsWith("bitcoincash:q").hasSize("bitcoincash:".length() + 42);
            assertThat(BCH.isValid(address)).isTrue();
            byte[] payload = cashAddrPayload(address);
            assertThat(payload[0]).isZero();
            assertThat(Arrays.copyOfRange(payload, 1, 21)).isEqualTo(key.getPubKeyHash());
        }
    }

    @Test
    void derivesTheSpecExampleFromItsHash() {
        // 1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu is P2PKH of 76a04053bda0a88bda5177b86a15c3b29f559873: encode that hash
        byte[] hash = HexFormat.of().parseHex("76a04053bda0a88bda5177b86a15c3b29f559873");
        String legacy = org.bitcoinj.base.Base58.encodeChecked(0, hash);
        assertThat(legacy).isEqualTo("1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu");
        assertThat(cashAddrPayload("bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a"))
                .isEqualTo(Hashes.concat(new byte[] {0}, hash));
    }

    @Test
    void rejectsCashAddrWithOneMistypedCharacterInAnyPosition() {
        String address = "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a";
        int start = "bitcoincash:".length();
        for (int position = start; position < address.length(); position++) {
            for (char replacement : CHARSET.toCharArray()) {
                if (replacement == address.charAt(position)) {
                    continue;
                }
                String mutated = address.substring(0, position) + replacement + address.substring(position + 1);
                assertThat(BCH.isValid(mutated)).as(mutated).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6A",
            "bitcoincash:Qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a",
            "bchtest:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a",
            "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6",
            "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6aq",
            "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6b",
            "bitcoincash:",
            "",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
    })
    void rejectsMalformedCashAddr(String address) {
        assertThat(BCH.isValid(address)).isFalse();
    }

    @Test
    void rejectsCashAddrWithAnUnknownVersionByteEvenWhenItsChecksumHolds() {
        byte[] payload = Hashes.concat(new byte[] {0x10}, new byte[20]);
        String address = encodeCashAddr(payload);
        assertThat(cashAddrPayload(address)).isEqualTo(payload);
        assertThat(BCH.isValid(address)).isFalse();
        assertThat(BCH.isValid(encodeCashAddr(Hashes.concat(new byte[] {0x08}, new byte[20])))).isTrue();
    }

    @Test
    void rejectsLegacyAddressesOfOtherNetworks() {
        assertThat(BCH.isValid("n4eA2nbYqErp7H6jebchxAN59DmNpksexv")).isFalse();
        assertThat(BCH.isValid("LM2WMpR1Rp6j3Sa59cMXMs1SPzj9eXpGc1")).isFalse();
    }

    /** An independent CashAddr reader: verifies the checksum and returns the 21-byte payload. */
    static byte[] cashAddrPayload(String address) {
        String text = address.toLowerCase(Locale.ROOT);
        String prefix = text.substring(0, text.indexOf(':'));
        String body = text.substring(text.indexOf(':') + 1);
        int[] values = new int[prefix.length() + 1 + body.length()];
        for (int i = 0; i < prefix.length(); i++) {
            values[i] = prefix.charAt(i) & 0x1f;
        }
        for (int i = 0; i < body.length(); i++) {
            values[prefix.length() + 1 + i] = CHARSET.indexOf(body.charAt(i));
        }
        assertThat(polymod(values)).as("CashAddr checksum of %s", address).isZero();
        int[] data = Arrays.copyOfRange(values, prefix.length() + 1, values.length - 8);
        byte[] out = new byte[data.length * 5 / 8];
        long acc = 0;
        int bits = 0;
        int n = 0;
        for (int value : data) {
            acc = (acc << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                if (n < out.length) {
                    out[n++] = (byte) (acc >>> bits);
                }
            }
        }
        return out;
    }

    static String encodeCashAddr(byte[] payload) {
        int[] data = new int[(payload.length * 8 + 4) / 5];
        long acc = 0;
        int bits = 0;
        int n = 0;
        for (byte b : payload) {
            acc = (acc << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                data[n++] = (int) ((acc >>> bits) & 31);
            }
        }
        if (bits > 0) {
            data[n] = (int) ((acc << (5 - bits)) & 31);
        }
        String prefix = "bitcoincash";
        int[] values = new int[prefix.length() + 1 + data.length + 8];
        for (int i = 0; i < prefix.length(); i++) {
            values[i] = prefix.charAt(i) & 0x1f;
        }
        System.arraycopy(data, 0, values, prefix.length() + 1, data.length);
        long checksum = polymod(values);
        StringBuilder out = new StringBuilder(prefix).append(':');
        for (int value : data) {
            out.append(CHARSET.charAt(value));
        }
        for (int i = 0; i < 8; i++) {
            out.append(CHARSET.charAt((int) ((checksum >>> (5 * (7 - i))) & 31)));
        }
        return out.toString();
    }

    /** The CashAddr specification's PolyMod, as written there. */
    private static long polymod(int[] values) {
        long c = 1;
        for (int d : values) {
            long c0 = c >>> 35;
            c = ((c & 0x07ffffffffL) << 5) ^ d;
            if ((c0 & 0x01) != 0) {
                c ^= 0x98f2bc8e61L;
            }
            if ((c0 & 0x02) != 0) {
                c ^= 0x79b76d99e2L;
            }
            if ((c0 & 0x04) != 0) {
                c ^= 0xf33e5fb3c4L;
            }
            if ((c0 & 0x08) != 0) {
                c ^= 0xae2eabe2a8L;
            }
            if ((c0 & 0x10) != 0) {
                c ^= 0x1e4f43e470L;
            }
        }
        return c ^ 1;
    }
}
