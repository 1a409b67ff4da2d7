package io.coffer.currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.currency.address.EvmAddresses;
import io.coffer.currency.address.KeyCurve;
import io.coffer.currency.address.NoAddresses;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CurrencyCatalogTest {

    private static final CurrencyCatalog CATALOG = CurrencyCatalog.standard();

    /** The Ledger Enterprise API's {@code CurrencyName} enum, in full. */
    private static final List<String> LEDGER_API_CURRENCY_NAMES = List.of(
            "Dollar", "Euro", "arbitrum", "arbitrum_goerli", "arbitrum_sepolia", "avalanche_c_chain",
            "avalanche_c_chain_fuji", "base", "base_goerli", "base_sepolia", "bitcoin", "bitcoin_cash", "bitcoin_gold",
            "bitcoin_testnet", "blast", "blast_sepolia", "bsc", "cardano", "celo", "celo_alfajores", "cosmos", "cronos",
            "cronos_testnet", "dash", "digibyte", "dogecoin", "ethereum", "ethereum_classic", "ethereum_goerli",
            "ethereum_holesky", "ethereum_hoodi", "ethereum_pow", "ethereum_ropsten", "ethereum_sepolia", "etherlink",
            "fantom", "fantom_testnet", "filecoin", "filecoin_calibration", "flare", "flare_coston", "kava_evm",
            "kava_evm_testnet", "klaytn", "klaytn_baobab", "komodo", "linea", "litecoin", "mantle", "mantle_sepolia",
            "near", "neon_evm", "optimism", "optimism_goerli", "optimism_sepolia", "pivx", "polkadot", "polygon",
            "polygon_amoy", "polygon_mumbai", "polygon_zk_evm", "polygon_zk_evm_testnet", "pulsechain",
            "pulsechain_testnet", "ripple", "scroll", "scroll_sepolia", "solana", "solana_devnet", "solana_testnet",
            "sonic", "stellar", "tezos", "tomo", "tomo_testnet", "tron", "vertcoin", "viacoin", "westend");

    @Test
    void listsExactlyTheSeventyNineCurrencyNamesOfTheLedgerApi() {
        assertThat(LEDGER_API_CURRENCY_NAMES).hasSize(79).doesNotHaveDuplicates();
        assertThat(CATALOG.currencies()).extracting(Currency::name)
                .hasSize(79)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(LEDGER_API_CURRENCY_NAMES);
    }

    @Test
    void findsEveryCurrencyByNameAndNothingElse() {
        for (String name : LEDGER_API_CURRENCY_NAMES) {
            assertThat(CATALOG.currency(name)).hasValueSatisfying(currency -> assertThat(currency.name()).isEqualTo(name));
        }
        assertThat(CATALOG.currency("Bitcoin")).isEmpty();
        assertThat(CATALOG.currency("dollar")).isEmpty();
        assertThat(CATALOG.currency("ether")).isEmpty();
        assertThat(CATALOG.currency("")).isEmpty();
    }

    @Test
    void everyCurrencyStartsWithItsBaseUnitAndUnitsStrictlyIncreaseInMagnitude() {
        for (Currency currency : CATALOG.currencies()) {
            List<Unit> units = currency.units();
            assertThat(units).as(currency.name()).isNotEmpty();
            assertThat(units.getFirst().magnitude()).as(currency.name()).isZero();
            for (int i = 1; i < units.size(); i++) {
                assertThat(units.get(i).magnitude()).as("%s unit %s", currency.name(), units.get(i).code())
                        .isGreaterThan(units.get(i - 1).magnitude());
            }
            assertThat(units).extracting(Unit::code).as(currency.name()).doesNotHaveDuplicates();
            assertThat(currency.magnitude()).isEqualTo(units.getLast().magnitude()).isPositive();
        }
    }

    @Test
    void refusesACurrencyWhoseFirstUnitIsNotTheBaseUnit() {
        Currency bitcoin = CATALOG.currency("bitcoin").orElseThrow();
        assertThatThrownBy(() -> new Currency("x", Family.BITCOIN, false, List.of(new Unit("BTC", 8)), 6, 0,
                java.util.Optional.empty(), bitcoin.addresses(), AccountType.Bitcoin, java.util.Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Currency("x", Family.BITCOIN, false, List.of(), 6, 0,
                java.util.Optional.empty(), bitcoin.addresses(), AccountType.Bitcoin, java.util.Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bitcoinNeedsSixConfirmationsAndHasSatBitMbtcAndBtc() {
        Currency bitcoin = CATALOG.currency("bitcoin").orElseThrow();
        assertThat(bitcoin.confirmations()).isEqualTo(6);
        assertThat(bitcoin.units()).containsExactly(
                new Unit("sat", 0), new Unit("bit", 2), new Unit("mBTC", 5), new Unit("BTC", 8));
        assertThat(bitcoin.magnitude()).isEqualTo(8);
        assertThat(bitcoin.family()).isEqualTo(Family.BITCOIN);
        assertThat(bitcoin.utxo()).isTrue();
        assertThat(bitcoin.evm()).isFalse();
        assertThat(bitcoin.fiat()).isFalse();
        assertThat(bitcoin.accountType()).isEqualTo(AccountType.Bitcoin);
        assertThat(bitcoin.tokenType()).isEmpty();
    }

    @Test
    void usesTheSlip44CoinTypesOfTheNetworks() {
        Map<String, Integer> slip44 = Map.ofEntries(
                Map.entry("bitcoin", 0), Map.entry("bitcoin_testnet", 1), Map.entry("litecoin", 2),
                Map.entry("dogecoin", 3), Map.entry("dash", 5), Map.entry("viacoin", 14), Map.entry("digibyte", 20),
                Map.entry("vertcoin", 28), Map.entry("ethereum", 60), Map.entry("ethereum_classic", 61),
                Map.entry("cosmos", 118), Map.entry("pivx", 119), Map.entry("komodo", 141), Map.entry("ripple", 144),
                Map.entry("bitcoin_cash", 145), Map.entry("stellar", 148), Map.entry("bitcoin_gold", 156),
                Map.entry("tron", 195), Map.entry("polkadot", 354), Map.entry("near", 397), Map.entry("filecoin", 461),
                Map.entry("solana", 501), Map.entry("tezos", 1729), Map.entry("cardano", 1815));
        slip44.forEach((name, coinType) ->
                assertThat(CATALOG.currency(name).orElseThrow().coinType()).as(name).isEqualTo(coinType));
    }

    @Test
    void evmNetworksHaveTheirWellKnownDistinctChainIds() {
        Map<String, Long> chainIds = Map.ofEntries(
                Map.entry("ethereum", 1L), Map.entry("ethereum_sepolia", 11155111L), Map.entry("ethereum_holesky", 17000L),
                Map.entry("ethereum_classic", 61L), Map.entry("optimism", 10L), Map.entry("bsc", 56L),
                Map.entry("polygon", 137L), Map.entry("polygon_amoy", 80002L), Map.entry("base", 8453L),
                Map.entry("arbitrum", 42161L), Map.entry("avalanche_c_chain", 43114L), Map.entry("fantom", 250L),
                Map.entry("linea", 59144L), Map.entry("scroll", 534352L), Map.entry("celo", 42220L),
                Map.entry("cronos", 25L), Map.entry("filecoin", 314L), Map.entry("mantle", 5000L),
                Map.entry("blast", 81457L), Map.entry("pulsechain", 369L));
        chainIds.forEach((name, chainId) ->
                assertThat(CATALOG.currency(name).orElseThrow().chainId()).as(name).contains(chainId));
        Set<Long> seen = new HashSet<>();
        for (Currency currency : CATALOG.currencies()) {
            currency.chainId().ifPresent(id -> assertThat(seen.add(id)).as("chain id %d of %s is unique", id, currency.name()).isTrue());
        }
    }

    @Test
    void evmNetworksAndOnlyThemUseEip55AddressesAndCarryTokens() {
        for (Currency currency : CATALOG.currencies()) {
            boolean evm = currency.family() == Family.ETHEREUM || currency.family() == Family.POLYGON;
            assertThat(currency.evm()).as(currency.name()).isEqualTo(evm);
            assertThat(currency.addresses() instanceof EvmAddresses).as(currency.name()).isEqualTo(evm);
            if (evm) {
                assertThat(currency.tokenType()).as(currency.name())
                        .contains(currency.name().equals("bsc") ? AccountType.Bep20 : AccountType.Erc20);
                assertThat(currency.magnitude()).as(currency.name()).isEqualTo(18);
                assertThat(currency.units().getFirst().magnitude()).isZero();
            }
        }
        assertThat(CATALOG.currency("tron").orElseThrow().tokenType()).contains(AccountType.Trc20);
    }

    @Test
    void fiatCurrenciesHaveNoAddresses() {
        for (String name : List.of("Dollar", "Euro")) {
            Currency fiat = CATALOG.currency(name).orElseThrow();
            assertThat(fiat.fiat()).isTrue();
            assertThat(fiat.family()).isEqualTo(Family.FIAT);
            assertThat(fiat.addresses()).isInstanceOf(NoAddresses.class);
            assertThat(fiat.addresses().curve()).isEqualTo(KeyCurve.NONE);
            assertThat(fiat.addresses().isValid("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")).isFalse();
            assertThat(fiat.addresses().isValid("")).isFalse();
            assertThatThrownBy(() -> fiat.addresses().fromPublicKey(new byte[33]))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThat(fiat.magnitude()).isEqualTo(2);
        }
        assertThat(CATALOG.currencies()).filteredOn(Currency::fiat).extracting(Currency::name)
                .containsExactlyInAnyOrder("Dollar", "Euro");
    }

    @Test
    void everyNonFiatCurrencyHasKeysOnACurve() {
        for (Currency currency : CATALOG.currencies()) {
            if (!currency.fiat()) {
                assertThat(currency.addresses().curve()).as(currency.name()).isNotEqualTo(KeyCurve.NONE);
            }
        }
    }

    @Test
    void hasTheUsualMagnitudesOfWellKnownCoins() {
        Map<String, Integer> magnitudes = Map.ofEntries(
                Map.entry("bitcoin", 8), Map.entry("litecoin", 8), Map.entry("dogecoin", 8), Map.entry("ethereum", 18),
                Map.entry("ripple", 6), Map.entry("stellar", 7), Map.entry("tezos", 6), Map.entry("cardano", 6),
                Map.entry("cosmos", 6), Map.entry("solana", 9), Map.entry("polkadot", 10), Map.entry("westend", 12),
                Map.entry("near", 24), Map.entry("tron", 6));
        magnitudes.forEach((name, magnitude) ->
                assertThat(CATALOG.currency(name).orElseThrow().magnitude()).as(name).isEqualTo(magnitude));
    }

    @Test
    void solanaIsTheOnlyFamilyWithoutBalanceHistory() {
        for (Currency currency : CATALOG.currencies()) {
            assertThat(currency.balanceHistorySupported()).as(currency.name()).isEqualTo(currency.family() != Family.SOLANA);
        }
    }

    @Test
    void returnsUnmodifiableLists() {
        assertThatThrownBy(() -> CATALOG.currencies().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> CATALOG.tokens().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> CATALOG.currency("bitcoin").orElseThrow().units().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
