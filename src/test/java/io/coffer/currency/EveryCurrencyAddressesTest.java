package io.coffer.currency;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.currency.address.AddressFormat;
import io.coffer.currency.address.BitcoinAddresses;
import io.coffer.currency.address.BitcoinCashAddresses;
import io.coffer.currency.address.CardanoAddresses;
import io.coffer.currency.address.CosmosAddresses;
import io.coffer.currency.address.EvmAddresses;
import io.coffer.currency.address.KeyCurve;
import io.coffer.currency.address.NearAddresses;
import io.coffer.currency.address.NoAddresses;
import io.coffer.currency.address.PolkadotAddresses;
import io.coffer.currency.address.RippleAddresses;
import io.coffer.currency.address.SolanaAddresses;
import io.coffer.currency.address.StellarAddresses;
import io.coffer.currency.address.TezosAddresses;
import io.coffer.currency.address.TronAddresses;
import io.coffer.keys.AccountKeys;
import io.coffer.keys.RandomChainData;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every currency with addresses: derived and random addresses are valid for it, a single
 * mistyped character is caught wherever the format has a checksum, and addresses of one network
 * are not taken for another's.
 */
class EveryCurrencyAddressesTest {

    private static final CurrencyCatalog CATALOG = CurrencyCatalog.standard();
    private static final byte[] SEED = new byte[64];
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String RIPPLE58 = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String HEX = "0123456789abcdef";

    static {
        new Random(0xC0FFEEL).nextBytes(SEED);
    }

    static Stream<Currency> currenciesWithAddresses() {
        return CATALOG.currencies().stream().filter(currency -> currency.addresses().curve() != KeyCurve.NONE);
    }

    @Test
    void coversEveryCurrencyExceptTheTwoFiatOnes() {
        assertThat(currenciesWithAddresses()).hasSize(77);
    }

    private static final Map<String, List<String>> ADDRESSES = new ConcurrentHashMap<>();

    /** Derived (two accounts, three addresses each) and random addresses of a currency, computed once. */
    private static List<String> addressesOf(Currency currency) {
        return ADDRESSES.computeIfAbsent(currency.name(), name -> generateAddresses(currency));
    }

    private static SecureRandom seeded(String seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return random;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> generateAddresses(Currency currency) {
        List<String> addresses = new ArrayList<>();
        for (int account = 0; account < 2; account++) {
            for (int index = 0; index < 3; index++) {
                addresses.add(AccountKeys.address(SEED, currency, account, 0, index).address());
            }
        }
        // Seeded: the digit-change statistics below are asserted on these addresses, so every run sees the same ones.
        RandomChainData random = new RandomChainData(seeded(currency.name()));
        for (int i = 0; i < 4; i++) {
            addresses.add(random.address(currency));
        }
        return List.copyOf(addresses);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currenciesWithAddresses")
    void derivedAndRandomAddressesAreValidForTheirCurrency(Currency currency) {
        List<String> addresses = addressesOf(currency);
        for (String address : addresses) {
            assertThat(currency.addresses().isValid(address)).as("%s: %s", currency.name(), address).isTrue();
        }
        // different accounts never share an address
        assertThat(AccountKeys.address(SEED, currency, 0, 0, 0).address())
                .isNotEqualTo(AccountKeys.address(SEED, currency, 1, 0, 0).address());
        // the same inputs derive the same address
        assertThat(AccountKeys.address(SEED, currency, 3, 0, 1).address())
                .isEqualTo(AccountKeys.address(SEED, currency, 3, 0, 1).address());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currenciesWithAddresses")
    void rejectsAddressWithOneCharacterChangedWhereTheFormatHasAChecksum(Currency currency) {
        AddressFormat format = currency.addresses();
        Random random = new Random(currency.name().hashCode());
        int tried = 0;
        int rejected = 0;
        for (String address : addressesOf(currency)) {
            Mutable mutable = mutableRegion(format, address);
            if (mutable == null) {
                continue;
            }
            for (int position = mutable.start(); position < address.length(); position++) {
                for (int k = 0; k < 4; k++) {
                    String mutated = replace(address, position, mutable.alphabet(), random);
                    tried++;
                    if (format.isValid(mutated)) {
                        assertThat(mutable.probabilistic()).as("%s accepted %s (from %s)", currency.name(), mutated, address).isTrue();
                    } else {
                        rejected++;
                    }
                }
            }
        }
        if (format instanceof SolanaAddresses || format instanceof NearAddresses || format instanceof EvmAddresses) {
            assertThat(tried).isZero();
        } else {
            assertThat(tried).as(currency.name()).isGreaterThan(200);
            assertThat(rejected).as("%s: %d of %d mutations rejected", currency.name(), rejected, tried)
                    .isGreaterThanOrEqualTo(tried * 99 / 100);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currenciesWithAddresses")
    void rejectsEvmAddressWithTheCaseOfOneLetterFlippedOrOneDigitChanged(Currency currency) {
        if (!(currency.addresses() instanceof EvmAddresses evm)) {
            return;
        }
        Random random = new Random(currency.name().hashCode());
        int digitTrials = 0;
        int digitRejected = 0;
        for (String address : addressesOf(currency)) {
            assertThat(address).isEqualTo(EvmAddresses.checksummed(address.substring(2)));
            for (int i = 2; i < address.length(); i++) {
                char c = address.charAt(i);
                // flipping the case of a letter is always caught, unless it leaves a single-case address
                if (Character.isLetter(c)) {
                    char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                    String mutated = address.substring(0, i) + flipped + address.substring(i + 1);
                    assertThat(evm.isValid(mutated)).as("%s: %s", currency.name(), mutated).isEqualTo(singleCase(mutated));
                }
                // changing a hex digit (keeping the letter case pattern) is caught unless the new checksum happens to agree
                char replacement;
                do {
                    replacement = HEX.charAt(random.nextInt(16));
                } while (Character.toLowerCase(c) == replacement);
                if (Character.isUpperCase(c)) {
                    replacement = Character.toUpperCase(replacement);
                }
                String mutated = address.substring(0, i) + replacement + address.substring(i + 1);
                if (!singleCase(mutated)) {
                    digitTrials++;
                    if (!evm.isValid(mutated)) {
                        digitRejected++;
                    }
                }
            }
            // the all-lowercase spelling carries no checksum: any hex digit change stays valid
            String lower = address.toLowerCase(Locale.ROOT);
            assertThat(evm.isValid(lower)).isTrue();
            assertThat(evm.isValid(lower.substring(0, 10) + (lower.charAt(10) == 'a' ? 'b' : 'a') + lower.substring(11))).isTrue();
        }
        assertThat(digitRejected).as("%d of %d digit changes rejected", digitRejected, digitTrials)
                .isGreaterThanOrEqualTo(digitTrials * 99 / 100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currenciesWithAddresses")
    void addressesOfThisCurrencyAreNotValidOnNetworksWithAnotherFormat(Currency currency) {
        List<String> addresses = addressesOf(currency);
        for (Currency other : CATALOG.currencies()) {
            if (other.addresses().equals(currency.addresses())) {
                continue;
            }
            for (String address : addresses) {
                if (legitimatelyShared(currency, other, address)) {
                    continue;
                }
                assertThat(other.addresses().isValid(address)).as("%s address %s on %s", currency.name(), address, other.name())
                        .isFalse();
            }
        }
    }

    @Test
    void aLitecoinAddressIsNotABitcoinAddressAndAWestendAddressIsNotAPolkadotAddress() {
        Currency bitcoin = CATALOG.currency("bitcoin").orElseThrow();
        Currency litecoin = CATALOG.currency("litecoin").orElseThrow();
        Currency testnet = CATALOG.currency("bitcoin_testnet").orElseThrow();
        Currency polkadot = CATALOG.currency("polkadot").orElseThrow();
        Currency westend = CATALOG.currency("westend").orElseThrow();
        for (int i = 0; i < 5; i++) {
            String ltc = AccountKeys.address(SEED, litecoin, 0, 0, i).address();
            String btc = AccountKeys.address(SEED, bitcoin, 0, 0, i).address();
            String tbtc = AccountKeys.address(SEED, testnet, 0, 0, i).address();
            assertThat(bitcoin.addresses().isValid(ltc)).isFalse();
            assertThat(litecoin.addresses().isValid(btc)).isFalse();
            assertThat(bitcoin.addresses().isValid(tbtc)).isFalse();
            assertThat(testnet.addresses().isValid(btc)).isFalse();
        }
        String wnd = AccountKeys.address(SEED, westend, 0, 0, 0).address();
        String dot = AccountKeys.address(SEED, polkadot, 0, 0, 0).address();
        assertThat(polkadot.addresses().isValid(wnd)).isFalse();
        assertThat(westend.addresses().isValid(dot)).isFalse();
        assertThat(westend.addresses().isValid(wnd)).isTrue();
        assertThat(polkadot.addresses().isValid(dot)).isTrue();
    }

    @Test
    void networksThatShareVersionBytesShareLegacyAddresses() {
        // Dogecoin, PIVX and DigiByte all write P2PKH with version 0x1e ('D'); Vertcoin and Viacoin both use 0x47 ('V')
        byte[] hash = new byte[20];
        new Random(30).nextBytes(hash);
        String d = org.bitcoinj.base.Base58.encodeChecked(0x1e, hash);
        for (String name : List.of("dogecoin", "pivx", "digibyte")) {
            assertThat(CATALOG.currency(name).orElseThrow().addresses().isValid(d)).as(name).isTrue();
        }
        String v = org.bitcoinj.base.Base58.encodeChecked(0x47, hash);
        for (String name : List.of("vertcoin", "viacoin")) {
            assertThat(CATALOG.currency(name).orElseThrow().addresses().isValid(v)).as(name).isTrue();
        }
        assertThat(CATALOG.currency("litecoin").orElseThrow().addresses().isValid(d)).isFalse();
    }

    /**
     * The few cases where one network's address is legitimately valid on another: Bitcoin-like
     * networks that share a legacy version byte; NEAR, whose named accounts may be any lowercase
     * letters and digits (so lowercase Bech32 strings are well-formed NEAR account ids); and
     * Solana, which has no checksum, so any Base58 string of 32 bytes (some 43-character Bech32
     * addresses without '0' or 'l' among them) is a well-formed Solana address.
     */
    private static boolean legitimatelyShared(Currency from, Currency to, String address) {
        if (to.addresses() instanceof NearAddresses && address.matches("[a-z0-9]{2,64}")) {
            return true;
        }
        if (to.addresses() instanceof SolanaAddresses && isBase58Of32Bytes(address)) {
            return true;
        }
        if (from.addresses() instanceof BitcoinAddresses source && source.hrp().isEmpty()
                && to.addresses() instanceof BitcoinAddresses target) {
            return target.p2pkh() == source.p2pkh() || target.p2sh().contains(source.p2pkh());
        }
        return false;
    }

    private static boolean isBase58Of32Bytes(String text) {
        try {
            return org.bitcoinj.base.Base58.decode(text).length == 32;
        } catch (org.bitcoinj.base.exceptions.AddressFormatException e) {
            return false;
        }
    }

    private static boolean singleCase(String evmAddress) {
        String hex = evmAddress.substring(2);
        return hex.equals(hex.toLowerCase(Locale.ROOT)) || hex.equals(hex.toUpperCase(Locale.ROOT));
    }

    /** Where and with which alphabet to mutate an address; null when the format has no checksum. */
    private record Mutable(int start, String alphabet, boolean probabilistic) {
    }

    private static Mutable mutableRegion(AddressFormat format, String address) {
        return switch (format) {
            case BitcoinAddresses btc when btc.hrp().isPresent() && address.startsWith(btc.hrp().get() + "1") ->
                    new Mutable(btc.hrp().get().length() + 1, BECH32, false);
            case BitcoinAddresses btc -> new Mutable(0, BASE58, false);
            case BitcoinCashAddresses bch -> new Mutable(address.indexOf(':') + 1, BECH32, false);
            case CosmosAddresses cosmos -> new Mutable(cosmos.hrp().length() + 1, BECH32, false);
            case CardanoAddresses ada -> new Mutable("addr1".length(), BECH32, false);
            case TronAddresses tron -> new Mutable(0, BASE58, false);
            case TezosAddresses tezos -> new Mutable(0, BASE58, false);
            case RippleAddresses xrp -> new Mutable(0, RIPPLE58, false);
            case StellarAddresses xlm -> new Mutable(0, BASE32, false);
            // SS58's checksum is two bytes: a changed character slips through once in 65536 tries
            case PolkadotAddresses dot -> new Mutable(0, BASE58, true);
            // EIP-55 is exercised on its own; Solana keys and NEAR implicit accounts have no checksum
            case EvmAddresses evm -> null;
            case SolanaAddresses sol -> null;
            case NearAddresses near -> null;
            case NoAddresses none -> null;
        };
    }

    private static String replace(String address, int position, String alphabet, Random random) {
        char current = address.charAt(position);
        char replacement;
        do {
            replacement = alphabet.charAt(random.nextInt(alphabet.length()));
        } while (replacement == current);
        return address.substring(0, position) + replacement + address.substring(position + 1);
    }
}
