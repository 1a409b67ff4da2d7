package io.coffer.currency.address;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.currency.CurrencyCatalog;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.LegacyAddress;
import org.bitcoinj.base.Monetary;
import org.bitcoinj.base.Network;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.base.SegwitAddress;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BitcoinAddressesTest {

    private static final CurrencyCatalog CATALOG = CurrencyCatalog.standard();
    private static final AddressFormat BITCOIN = format("bitcoin");
    private static final AddressFormat TESTNET = format("bitcoin_testnet");

    /** A bitcoinj {@link Network} for a Bitcoin-like chain, so bitcoinj can encode and parse its addresses. */
    record AltNetwork(String id, int legacyAddressHeader, int legacyP2SHHeader, String segwitAddressHrp) implements Network {
        @Override
        public String uriScheme() {
            return id;
        }

        @Override
        public boolean hasMaxMoney() {
            return false;
        }

        @Override
        public Monetary maxMoney() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean exceedsMaxMoney(Monetary monetary) {
            return false;
        }
    }

    /** Version bytes and segwit HRPs as the chains' own chainparams define them (P2SH: the current one). */
    static Stream<Arguments> bitcoinLikeNetworks() {
        return Stream.of(
                Arguments.of("bitcoin", BitcoinNetwork.MAINNET),
                Arguments.of("bitcoin_testnet", BitcoinNetwork.TESTNET),
                Arguments.of("bitcoin_gold", new AltNetwork("btg", 38, 23, "btg")),
                Arguments.of("litecoin", new AltNetwork("ltc", 48, 50, "ltc")),
                Arguments.of("dogecoin", new AltNetwork("doge", 30, 22, null)),
                Arguments.of("dash", new AltNetwork("dash", 76, 16, null)),
                Arguments.of("digibyte", new AltNetwork("dgb", 30, 63, "dgb")),
                Arguments.of("komodo", new AltNetwork("kmd", 60, 85, null)),
                Arguments.of("pivx", new AltNetwork("pivx", 30, 13, null)),
                Arguments.of("vertcoin", new AltNetwork("vtc", 71, 5, "vtc")),
                Arguments.of("viacoin", new AltNetwork("via", 71, 33, "via")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            "BC1SW50QGDZ25J",
            "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
    })
    void acceptsBip173AndBip350MainnetAddresses(String address) {
        assertThat(AddressParser.getDefault().parseAddress(address).network()).as("bitcoinj agrees").isEqualTo(BitcoinNetwork.MAINNET);
        assertThat(BITCOIN.isValid(address)).isTrue();
        assertThat(TESTNET.isValid(address)).isFalse();
    }

    @Test
    void acceptsBip350VersionOneAddressWithFortyBytePrograms() {
        // valid by BIP-350 (bitcoinj refuses v1 programs that are not 32 bytes, so check its checksum only)
        String address = "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y";
        assertThat(org.bitcoinj.base.Bech32.decode(address).encoding).isEqualTo(org.bitcoinj.base.Bech32.Encoding.BECH32M);
        assertThat(BITCOIN.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
            "tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy",
            "tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c",
    })
    void acceptsBip173AndBip350TestnetAddresses(String address) {
        assertThat(AddressParser.getDefault().parseAddress(address).network()).as("bitcoinj agrees").isEqualTo(BitcoinNetwork.TESTNET);
        assertThat(TESTNET.isValid(address)).isTrue();
        assertThat(BITCOIN.isValid(address)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // BIP-173 invalid addresses
            "tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",
            "BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2",
            "bc1rw5uspcuh",
            "bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90",
            "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P",
            "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7",
            "bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du",
            "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv",
            "bc1gmk9yu",
            // BIP-350 invalid addresses
            "tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",
            "tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf",
            "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",
            "tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47",
            "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4",
            "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R",
            "bc1pw5dgrnzv",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav",
            "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf",
            "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j",
            // BIP-173's versions 1, 2 and 16 addresses, which BIP-350 made invalid (Bech32 instead of Bech32m)
            "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx",
            "BC1SW50QA3JX3S",
            "bc1zw508d6qejxtdg4y5r3zarvaryvg6kdaj",
    })
    void rejectsBip173AndBip350InvalidAddresses(String address) {
        for (BitcoinNetwork network : List.of(BitcoinNetwork.MAINNET, BitcoinNetwork.TESTNET)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> AddressParser.getDefault(network).parseAddress(address))
                    .as("bitcoinj rejects it too");
        }
        assertThat(BITCOIN.isValid(address)).isFalse();
        assertThat(TESTNET.isValid(address)).isFalse();
    }

    @Test
    void rejectsBech32AddressWithOneMistypedCharacter() {
        assertThat(BITCOIN.isValid("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).isTrue();
        assertThat(BITCOIN.isValid("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5")).isFalse();
        assertThat(BITCOIN.isValid("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3f4")).isFalse();
        assertThat(BITCOIN.isValid("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv9f3t4")).isFalse();
    }

    @Test
    void rejectsMixedCaseSegwitAddress() {
        assertThat(BITCOIN.isValid("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3T4")).isFalse();
        assertThat(BITCOIN.isValid("Bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).isFalse();
    }

    /** Real addresses: the genesis coinbase, the classic P2SH example, and bitcoinj's own test vectors. */
    @ParameterizedTest
    @CsvSource({
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa, bitcoin, 62e907b15cbf27d5425399ebf6f0fb50ebb88f18",
            "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy, bitcoin, b472a266d0bd89c13706a4132ccfb16f7c3b9fcb",
            "17kzeh4N8g49GFvdDzSf8PjaPfyoD1MndL, bitcoin, 4a22c3c4cbb31e4d03b15550636762bda0baf85a",
            "n4eA2nbYqErp7H6jebchxAN59DmNpksexv, bitcoin_testnet, fda79a24e50ff70ff42f7d89585da5bd19d9e5cc",
            "2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc, bitcoin_testnet, 4e9f39ca4688ff102128ea4ccda34105324305b0",
    })
    void acceptsRealLegacyAddresses(String address, String currency, String hash) {
        BitcoinNetwork network = currency.equals("bitcoin") ? BitcoinNetwork.MAINNET : BitcoinNetwork.TESTNET;
        Address parsed = AddressParser.getLegacy(network).parseAddress(address);
        assertThat(HexFormat.of().formatHex(((LegacyAddress) parsed).getHash())).isEqualTo(hash);
        assertThat(format(currency).isValid(address)).isTrue();
        assertThat(format(currency.equals("bitcoin") ? "bitcoin_testnet" : "bitcoin").isValid(address)).isFalse();
    }

    @Test
    void rejectsTheGenesisAddressWithOneMistypedCharacter() {
        assertThat(BITCOIN.isValid("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")).isTrue();
        assertThat(BITCOIN.isValid("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNA")).isFalse();
        assertThat(BITCOIN.isValid("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivgNa")).isFalse();
        assertThat(BITCOIN.isValid("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN")).isFalse();
        assertThat(BITCOIN.isValid("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa1")).isFalse();
    }

    /** Real addresses on other Bitcoin-like chains (their Base58Check checksums and version bytes hold). */
    @ParameterizedTest
    @CsvSource({
            "DH5yaieqoZN36fDVciNyRueRGvGLR3mr7L, dogecoin, 30",
            "XpESxaUmonkq8RaLLp46Brx2K39ggQe226, dash, 76",
            "LM2WMpR1Rp6j3Sa59cMXMs1SPzj9eXpGc1, litecoin, 48",
            "MQMcJhpWHYVeQArcZR3sBgyPZxxRtnH441, litecoin, 50",
    })
    void acceptsRealAddressesOfOtherBitcoinLikeChains(String address, String currency, int version) {
        assertThat(org.bitcoinj.base.Base58.decodeChecked(address)[0] & 0xff).isEqualTo(version);
        assertThat(format(currency).isValid(address)).isTrue();
        assertThat(BITCOIN.isValid(address)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("bitcoinLikeNetworks")
    void derivesTheSameAddressAsBitcoinjForRandomKeys(String currency, Network network) {
        AddressFormat addresses = format(currency);
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 20; i++) {
            ECKey key = new ECKey(random);
            String expected = network.segwitAddressHrp() != null
                    ? SegwitAddress.fromHash(network, key.getPubKeyHash()).toBech32()
                    : LegacyAddress.fromPubKeyHash(network, key.getPubKeyHash()).toBase58();
            String derived = addresses.fromPublicKey(key.getPubKey());
            assertThat(derived).isEqualTo(expected);
            assertThat(addresses.isValid(derived)).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("bitcoinLikeNetworks")
    void acceptsEveryAddressTypeBitcoinjWritesForTheNetwork(String currency, Network network) {
        AddressFormat addresses = format(currency);
        Random random = new Random(currency.hashCode());
        for (int i = 0; i < 20; i++) {
            byte[] hash20 = new byte[20];
            byte[] hash32 = new byte[32];
            random.nextBytes(hash20);
            random.nextBytes(hash32);
            assertThat(addresses.isValid(LegacyAddress.fromPubKeyHash(network, hash20).toBase58())).isTrue();
            assertThat(addresses.isValid(LegacyAddress.fromScriptHash(network, hash20).toBase58())).isTrue();
            if (network.segwitAddressHrp() != null) {
                assertThat(addresses.isValid(SegwitAddress.fromHash(network, hash20).toBech32())).isTrue();
                assertThat(addresses.isValid(SegwitAddress.fromHash(network, hash32).toBech32())).isTrue();
                assertThat(addresses.isValid(SegwitAddress.fromProgram(network, 1, hash32).toBech32())).isTrue();
            }
        }
    }

    @Test
    void acceptsBothTheNewAndTheOldP2shVersionWhereANetworkChangedIt() {
        byte[] hash = HexFormat.of().parseHex("b472a266d0bd89c13706a4132ccfb16f7c3b9fcb");
        String bitcoinStyle = org.bitcoinj.base.Base58.encodeChecked(5, hash);
        assertThat(bitcoinStyle).isEqualTo("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy");
        assertThat(format("litecoin").isValid(bitcoinStyle)).isTrue();
        assertThat(format("litecoin").isValid(org.bitcoinj.base.Base58.encodeChecked(0x32, hash))).isTrue();
        assertThat(format("digibyte").isValid(bitcoinStyle)).isTrue();
        assertThat(format("digibyte").isValid(org.bitcoinj.base.Base58.encodeChecked(0x3f, hash))).isTrue();
        assertThat(format("dogecoin").isValid(bitcoinStyle)).isFalse();
    }

    @Test
    void rejectsBase58CheckPayloadsOfTheWrongLength() {
        byte[] hash21 = new byte[21];
        byte[] hash19 = new byte[19];
        assertThat(BITCOIN.isValid(org.bitcoinj.base.Base58.encodeChecked(0, hash21))).isFalse();
        assertThat(BITCOIN.isValid(org.bitcoinj.base.Base58.encodeChecked(0, hash19))).isFalse();
        assertThat(BITCOIN.isValid(org.bitcoinj.base.Base58.encodeChecked(0, new byte[20]))).isTrue();
    }

    @Test
    void rejectsAddressesOfOtherBitcoinLikeNetworks() {
        ECKey key = ECKey.fromPrivate(HexFormat.of().parseHex("0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d"));
        String bitcoinLegacy = key.toAddress(ScriptType.P2PKH, BitcoinNetwork.MAINNET).toString();
        String bitcoinSegwit = key.toAddress(ScriptType.P2WPKH, BitcoinNetwork.MAINNET).toString();
        for (String other : List.of("litecoin", "dogecoin", "dash", "bitcoin_gold", "digibyte", "komodo", "pivx",
                "vertcoin", "viacoin", "bitcoin_testnet")) {
            assertThat(format(other).isValid(bitcoinLegacy)).as(other).isFalse();
            assertThat(format(other).isValid(bitcoinSegwit)).as(other).isFalse();
        }
        String litecoin = format("litecoin").fromPublicKey(key.getPubKey());
        assertThat(litecoin).startsWith("ltc1q");
        assertThat(BITCOIN.isValid(litecoin)).isFalse();
        String litecoinLegacy = org.bitcoinj.base.Base58.encodeChecked(0x30, key.getPubKeyHash());
        assertThat(format("litecoin").isValid(litecoinLegacy)).isTrue();
        assertThat(BITCOIN.isValid(litecoinLegacy)).isFalse();
    }

    /**
     * Legacy addresses can begin with the network's segwit HRP and a '1' in any case (e.g. litecoin's
     * {@code LTc1...}); they are still Base58Check addresses and must be accepted.
     */
    @ParameterizedTest
    @CsvSource({
            "litecoin, 48, 5becabf9211a9a6c4930883a5c36be1c7d06820c, LTc1GusmP4bBgKjw2CHeyNHfoAizMjNxd4",
            "digibyte, 30, 7d8fd67aa527f5154956db2d11c391c0ac6cb880, DGb1KGENbTNcRkcGVFsA1AgeH8DS1nbxCm",
            "vertcoin, 71, c78fca761da034c2dbfa77449663277ac37fc7e3, VtC1decD578EfRTv8KQXDD9P3qGkp7cUWS",
            "viacoin, 71, 5e07a55948b443f6f6cc4f7f390066f886797d32, Via1azHrVfKhBmQmrkBtX2J5nvUuTrSRqp",
    })
    void acceptsLegacyAddressThatHappensToStartWithTheSegwitPrefix(String currency, int version, String hash, String address) {
        assertThat(org.bitcoinj.base.Base58.encodeChecked(version, HexFormat.of().parseHex(hash))).isEqualTo(address);
        assertThat(format(currency).isValid(address)).isTrue();
    }

    @Test
    void derivesNativeSegwitWhereTheNetworkHasItAndP2pkhOtherwise() {
        byte[] publicKey = new ECKey(new SecureRandom()).getPubKey();
        assertThat(format("bitcoin").fromPublicKey(publicKey)).startsWith("bc1q");
        assertThat(format("bitcoin_testnet").fromPublicKey(publicKey)).startsWith("tb1q");
        assertThat(format("litecoin").fromPublicKey(publicKey)).startsWith("ltc1q");
        assertThat(format("bitcoin_gold").fromPublicKey(publicKey)).startsWith("btg1q");
        assertThat(format("digibyte").fromPublicKey(publicKey)).startsWith("dgb1q");
        assertThat(format("vertcoin").fromPublicKey(publicKey)).startsWith("vtc1q");
        assertThat(format("viacoin").fromPublicKey(publicKey)).startsWith("via1q");
        assertThat(format("dogecoin").fromPublicKey(publicKey)).startsWith("D");
        assertThat(format("dash").fromPublicKey(publicKey)).startsWith("X");
        assertThat(format("komodo").fromPublicKey(publicKey)).startsWith("R");
        assertThat(format("pivx").fromPublicKey(publicKey)).startsWith("D");
    }

    @Test
    void describesItsNetworkParameters() {
        assertThat(BITCOIN).isEqualTo(new BitcoinAddresses(0x00, List.of(0x05), Optional.of("bc")));
        assertThat(BITCOIN.curve()).isEqualTo(KeyCurve.SECP256K1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bc1", "1", "not an address", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"})
    void rejectsGarbage(String input) {
        assertThat(BITCOIN.isValid(input)).isFalse();
    }

    static AddressFormat format(String currency) {
        return CATALOG.currency(currency).orElseThrow().addresses();
    }
}
