package io.coffer.currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.currency.address.KeyCurve;
import io.coffer.keys.AccountKeys;
import io.coffer.keys.AccountKeys.AccountDerivation;
import java.util.HexFormat;
import java.util.List;
import org.bitcoinj.crypto.MnemonicCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Keys;

/** Account derivation against the BIP-84 and BIP-44 test vectors of the "abandon ... about" mnemonic. */
class DerivationVectorsTest {

    private static final CurrencyCatalog CATALOG = CurrencyCatalog.standard();
    private static final String MNEMONIC =
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    private static final byte[] SEED = MnemonicCode.toSeed(List.of(MNEMONIC.split(" ")), "");

    @Test
    void theMnemonicGivesTheBip39Seed() {
        // BIP-39's reference vectors use the passphrase "TREZOR"; with the empty passphrase the seed is this one
        assertThat(HexFormat.of().formatHex(SEED)).isEqualTo(
                "5eb00bbddcf069084889a8ab9155568165f5c453ccb85e70811aaed6f6da5fc1"
                        + "9a5ac40b389cd370d086206dec8aa6c43daea6690f20ad3d8d48b2d2ce9e38e4");
    }

    /** BIP-84's test vectors: first receive address, second receive address, first change address. */
    @ParameterizedTest
    @CsvSource({
            "0, 0, bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu, 84'/0'/0'/0/0",
            "0, 1, bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g, 84'/0'/0'/0/1",
            "1, 0, bc1q8c6fshw2dlwun7ekn9qwf37cu2rn755upcp6el, 84'/0'/0'/1/0",
    })
    void derivesTheBip84TestVectorAddressesForBitcoin(int change, int index, String address, String path) {
        AccountKeys.DerivedAddress derived = AccountKeys.address(SEED, currency("bitcoin"), 0, change, index);
        assertThat(derived.address()).isEqualTo(address);
        assertThat(derived.path()).hasToString(path);
    }

    @Test
    void derivesTheBip84AccountKeyForBitcoin() {
        // BIP-84 gives the account key as a zpub; the same key with xpub version bytes
        byte[] zpub = org.bitcoinj.base.Base58.decodeChecked(
                "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs");
        assertThat(HexFormat.of().formatHex(zpub, 0, 4)).isEqualTo("04b24746");
        byte[] xpubBytes = zpub.clone();
        System.arraycopy(HexFormat.of().parseHex("0488b21e"), 0, xpubBytes, 0, 4);
        String xpub = org.bitcoinj.base.Base58.encode(io.coffer.currency.address.Hashes.concat(xpubBytes,
                io.coffer.currency.address.Hashes.checksum4(xpubBytes)));
        AccountDerivation account = AccountKeys.account(SEED, currency("bitcoin"), 0);
        assertThat(account.path()).hasToString("84'/0'/0'");
        assertThat(account.xpub()).contains(xpub);
        assertThat(xpub).isEqualTo(
                "xpub6CatWdiZiodmUeTDp8LT5or8nmbKNcuyvz7WyksVFkKB4RHwCD3XyuvPEbvqAQY3rAPshWcMLoP2fMFMKHPJ4ZeZXYVUhLv1VMrjPC7PW6V");
    }

    @Test
    void derivesTheBip84TestnetAddress() {
        AccountKeys.DerivedAddress derived = AccountKeys.address(SEED, currency("bitcoin_testnet"), 0, 0, 0);
        assertThat(derived.address()).isEqualTo("tb1q6rz28mcfaxtmd6v789l9rrlrusdprr9pqcpvkl");
        assertThat(derived.path()).hasToString("84'/1'/0'/0/0");
        assertThat(AccountKeys.account(SEED, currency("bitcoin_testnet"), 0).xpub()).hasValueSatisfying(xpub ->
                assertThat(xpub).startsWith("tpub"));
    }

    @Test
    void derivesTheWellKnownBip44EthereumAddress() {
        AccountKeys.DerivedAddress derived = AccountKeys.address(SEED, currency("ethereum"), 0, 0, 0);
        assertThat(derived.address()).isEqualTo("0x9858EfFD232B4033E47d90003D41EC34EcaEda94");
        assertThat(derived.path()).hasToString("44'/60'/0'/0/0");
        // independently: web3j's BIP-32 implementation
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(SEED);
        Bip32ECKeyPair key = Bip32ECKeyPair.deriveKeyPair(master, new int[] {44 | 0x80000000, 60 | 0x80000000, 0x80000000, 0, 0});
        assertThat(Keys.toChecksumAddress(Keys.getAddress(key))).isEqualTo(derived.address());
    }

    @Test
    void derivesEthereumAddressesOfLaterAccountsLikeWeb3j() {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(SEED);
        for (int account = 0; account < 3; account++) {
            Bip32ECKeyPair key = Bip32ECKeyPair.deriveKeyPair(master,
                    new int[] {44 | 0x80000000, 60 | 0x80000000, account | 0x80000000, 0, 0});
            assertThat(AccountKeys.address(SEED, currency("ethereum"), account, 0, 0).address())
                    .isEqualTo(Keys.toChecksumAddress(Keys.getAddress(key)));
        }
    }

    @Test
    void derivesTheWellKnownCosmosAddress() {
        assertThat(AccountKeys.address(SEED, currency("cosmos"), 0, 0, 0).address())
                .isEqualTo("cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4");
    }

    @Test
    void evmNetworksWithCoinType60ShareTheEthereumAddress() {
        String ethereum = AccountKeys.address(SEED, currency("ethereum"), 0, 0, 0).address();
        for (Currency currency : CATALOG.currencies()) {
            if (currency.evm()) {
                String address = AccountKeys.address(SEED, currency, 0, 0, 0).address();
                if (currency.coinType() == 60) {
                    assertThat(address).as(currency.name()).isEqualTo(ethereum);
                } else {
                    assertThat(address).as(currency.name()).isNotEqualTo(ethereum);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
            "bitcoin, 84'/0'/7'",
            "litecoin, 84'/2'/7'",
            "dogecoin, 44'/3'/7'",
            "bitcoin_cash, 44'/145'/7'",
            "ethereum, 44'/60'/7'",
            "polygon, 44'/60'/7'",
            "tron, 44'/195'/7'",
            "cardano, 1852'/1815'/7'",
            "solana, 44'/501'/7'",
            "polkadot, 44'/354'/7'",
    })
    void usesBip44StylePurposesForAccountPaths(String name, String path) {
        assertThat(AccountKeys.accountPath(currency(name), 7)).hasToString(path);
    }

    @Test
    void ed25519AccountsUseHardenedAddressPathsAndHaveNoXpub() {
        assertThat(AccountKeys.address(SEED, currency("solana"), 2, 0, 0).path()).hasToString("44'/501'/2'");
        assertThat(AccountKeys.address(SEED, currency("stellar"), 2, 0, 0).path()).hasToString("44'/148'/2'");
        assertThat(AccountKeys.address(SEED, currency("polkadot"), 2, 0, 0).path()).hasToString("44'/354'/2'/0'/0'");
        assertThat(AccountKeys.address(SEED, currency("near"), 2, 0, 0).path()).hasToString("44'/397'/2'/0'/0'");
        for (Currency currency : CATALOG.currencies()) {
            if (currency.addresses().curve() == KeyCurve.ED25519) {
                assertThat(AccountKeys.account(SEED, currency, 0).xpub()).as(currency.name()).isEmpty();
            } else if (currency.addresses().curve() == KeyCurve.SECP256K1) {
                assertThat(AccountKeys.account(SEED, currency, 0).xpub()).as(currency.name()).isPresent();
            }
        }
    }

    @Test
    void refusesNegativeAccountIndexesAndFiatCurrencies() {
        assertThatThrownBy(() -> AccountKeys.accountPath(currency("bitcoin"), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountKeys.address(SEED, currency("Dollar"), 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Currency currency(String name) {
        return CATALOG.currency(name).orElseThrow();
    }
}
