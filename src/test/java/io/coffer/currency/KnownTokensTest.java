package io.coffer.currency;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.currency.address.EvmAddresses;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3j.crypto.Keys;

class KnownTokensTest {

    private static final CurrencyCatalog CATALOG = CurrencyCatalog.standard();

    @Test
    void knowsAtLeastTwentyFiveEthereumErc20Tokens() {
        assertThat(CATALOG.tokens()).filteredOn(token -> token.parent().equals("ethereum")).hasSizeGreaterThanOrEqualTo(25);
        assertThat(KnownTokens.all()).hasSameSizeAs(CATALOG.tokens());
    }

    @Test
    void everyContractAddressIsSpelledInEip55() {
        EvmAddresses evm = new EvmAddresses();
        for (Token token : CATALOG.tokens()) {
            String address = token.contractAddress();
            assertThat(address).as(token.assetKey()).isEqualTo(Keys.toChecksumAddress(address));
            assertThat(evm.isValid(address)).as(token.assetKey()).isTrue();
            assertThat(address.substring(2)).as("%s is mixed case", token.assetKey())
                    .isNotEqualTo(address.substring(2).toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void everyTokenLivesOnAnEvmNetworkThatCarriesTokens() {
        for (Token token : CATALOG.tokens()) {
            Currency parent = CATALOG.currency(token.parent()).orElseThrow();
            assertThat(parent.evm()).as(token.assetKey()).isTrue();
            assertThat(parent.tokenType()).as(token.assetKey()).isPresent();
            assertThat(parent.addresses().isValid(token.contractAddress())).isTrue();
            assertThat(token.decimals()).as(token.assetKey()).isBetween(0, 36);
            assertThat(token.units()).containsExactly(new Unit(token.ticker(), token.decimals()));
            assertThat(token.assetKey()).isEqualTo(token.parent() + ":" + token.contractAddress());
            assertThat(token.name()).isNotBlank();
            assertThat(token.ticker()).isNotBlank();
        }
    }

    @Test
    void contractAddressesAreUniquePerNetworkWhateverTheirCase() {
        assertThat(CATALOG.tokens())
                .extracting(token -> token.parent() + ":" + token.contractAddress().toLowerCase(Locale.ROOT))
                .doesNotHaveDuplicates();
    }

    @Test
    void usdTetherHasSixDecimalsAndItsLedgerName() {
        Token usdt = CATALOG.token("ethereum", "0xdAC17F958D2ee523a2206206994597C13D831ec7").orElseThrow();
        assertThat(usdt.name()).isEqualTo("USD Tether (erc20)");
        assertThat(usdt.ticker()).isEqualTo("USDT");
        assertThat(usdt.decimals()).isEqualTo(6);
        assertThat(usdt.parent()).isEqualTo("ethereum");
        assertThat(usdt.assetKey()).isEqualTo("ethereum:0xdAC17F958D2ee523a2206206994597C13D831ec7");
    }

    @ParameterizedTest
    @CsvSource({
            "0xdAC17F958D2ee523a2206206994597C13D831ec7, USDT, 6",
            "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48, USDC, 6",
            "0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599, WBTC, 8",
            "0x6B175474E89094C44Da98b954EedeAC495271d0F, DAI, 18",
            "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2, WETH, 18",
            "0x514910771AF9Ca656af840dff83E8264EcF986CA, LINK, 18",
    })
    void wellKnownErc20TokensHaveTheirRealDecimals(String contract, String ticker, int decimals) {
        Token token = CATALOG.token("ethereum", contract).orElseThrow();
        assertThat(token.ticker()).isEqualTo(ticker);
        assertThat(token.decimals()).isEqualTo(decimals);
        assertThat(token.contractAddress()).isEqualTo(contract);
    }

    @Test
    void findsTokensByContractAddressWhateverItsCase() {
        String checksummed = "0xdAC17F958D2ee523a2206206994597C13D831ec7";
        for (String spelling : List.of(checksummed, checksummed.toLowerCase(Locale.ROOT),
                "0x" + checksummed.substring(2).toUpperCase(Locale.ROOT))) {
            assertThat(CATALOG.token("ethereum", spelling)).as(spelling)
                    .hasValueSatisfying(token -> assertThat(token.contractAddress()).isEqualTo(checksummed));
        }
    }

    @Test
    void findsNoTokenOnAnotherNetworkOrAtAnUnknownAddress() {
        assertThat(CATALOG.token("polygon", "0xdAC17F958D2ee523a2206206994597C13D831ec7")).isEmpty();
        assertThat(CATALOG.token("ethereum_sepolia", "0xdAC17F958D2ee523a2206206994597C13D831ec7")).isEmpty();
        assertThat(CATALOG.token("ethereum", "0x0000000000000000000000000000000000000000")).isEmpty();
        assertThat(CATALOG.token("ethereum", "0xdAC17F958D2ee523a2206206994597C13D831ec8")).isEmpty();
        assertThat(CATALOG.token("bsc", "0x55d398326f99059fF775485246999027B3197955"))
                .hasValueSatisfying(token -> assertThat(token.ticker()).isEqualTo("USDT"));
    }
}
