package io.coffer.currency;

import io.coffer.currency.address.AddressFormat;
import io.coffer.currency.address.BitcoinAddresses;
import io.coffer.currency.address.BitcoinCashAddresses;
import io.coffer.currency.address.CardanoAddresses;
import io.coffer.currency.address.CosmosAddresses;
import io.coffer.currency.address.EvmAddresses;
import io.coffer.currency.address.NearAddresses;
import io.coffer.currency.address.NoAddresses;
import io.coffer.currency.address.PolkadotAddresses;
import io.coffer.currency.address.RippleAddresses;
import io.coffer.currency.address.SolanaAddresses;
import io.coffer.currency.address.StellarAddresses;
import io.coffer.currency.address.TezosAddresses;
import io.coffer.currency.address.TronAddresses;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every currency of the API's {@code CurrencyName} list with its units, confirmations, coin type,
 * chain id and address format, and the tokens Coffer knows. The facts come from public chain
 * registries (SLIP-44, EVM chain lists, Ledger's crypto-asset lists); see docs/currencies.md.
 */
public final class CurrencyCatalog {

    private static final EvmAddresses EVM = new EvmAddresses();

    private final Map<String, Currency> currencies;
    private final Map<String, Token> tokens;

    private CurrencyCatalog(Map<String, Currency> currencies, Map<String, Token> tokens) {
        this.currencies = Collections.unmodifiableMap(currencies);
        this.tokens = Collections.unmodifiableMap(tokens);
    }

    /** The built-in catalog. */
    public static CurrencyCatalog standard() {
        Map<String, Currency> currencies = new LinkedHashMap<>();
        Builder b = new Builder(currencies);
        b.fiat("Dollar", "USD");
        b.fiat("Euro", "EUR");
        // Bitcoin family: P2PKH version, P2SH versions, segwit HRP.
        b.bitcoin("bitcoin", 0, 6, units("sat", "bit", 2, "mBTC", 5, "BTC", 8), btc(0x00, List.of(0x05), "bc"));
        b.bitcoin("bitcoin_testnet", 1, 6, units("tsat", "tbit", 2, "tmBTC", 5, "tBTC", 8), btc(0x6f, List.of(0xc4), "tb"));
        b.bitcoin("bitcoin_cash", 145, 6, units("sat", "bit", 2, "mBCH", 5, "BCH", 8), new BitcoinCashAddresses());
        b.bitcoin("bitcoin_gold", 156, 6, units("sat", "bit", 2, "mBTG", 5, "BTG", 8), btc(0x26, List.of(0x17), "btg"));
        b.bitcoin("litecoin", 2, 6, units("litoshi", "mLTC", 5, "LTC", 8), btc(0x30, List.of(0x32, 0x05), "ltc"));
        b.bitcoin("dogecoin", 3, 30, units("sat", "DOGE", 8), btc(0x1e, List.of(0x16), null));
        b.bitcoin("dash", 5, 12, units("sat", "DASH", 8), btc(0x4c, List.of(0x10), null));
        b.bitcoin("digibyte", 20, 30, units("sat", "DGB", 8), btc(0x1e, List.of(0x3f, 0x05), "dgb"));
        b.bitcoin("komodo", 141, 30, units("sat", "KMD", 8), btc(0x3c, List.of(0x55), null));
        b.bitcoin("pivx", 119, 12, units("sat", "PIVX", 8), btc(0x1e, List.of(0x0d), null));
        b.bitcoin("vertcoin", 28, 12, units("sat", "VTC", 8), btc(0x47, List.of(0x05), "vtc"));
        b.bitcoin("viacoin", 14, 75, units("sat", "VIA", 8), btc(0x47, List.of(0x21), "via"));
        // EVM networks: coin type, chain id, confirmations, units.
        b.evm("ethereum", 60, 1, 12, ethUnits("ETH"));
        b.evm("ethereum_classic", 61, 61, 120, ethUnits("ETC"));
        b.evm("ethereum_goerli", 60, 5, 12, ethUnits("ETH"));
        b.evm("ethereum_holesky", 60, 17000, 12, ethUnits("ETH"));
        b.evm("ethereum_hoodi", 60, 560048, 12, ethUnits("ETH"));
        b.evm("ethereum_ropsten", 60, 3, 12, ethUnits("ETH"));
        b.evm("ethereum_sepolia", 60, 11155111, 12, ethUnits("ETH"));
        b.evm("ethereum_pow", 60, 10001, 64, units("wei", "ETHW", 18));
        b.evm("arbitrum", 60, 42161, 12, ethUnits("ETH"));
        b.evm("arbitrum_goerli", 60, 421613, 12, ethUnits("ETH"));
        b.evm("arbitrum_sepolia", 60, 421614, 12, ethUnits("ETH"));
        b.evm("avalanche_c_chain", 60, 43114, 1, units("wei", "nAVAX", 9, "AVAX", 18));
        b.evm("avalanche_c_chain_fuji", 60, 43113, 1, units("wei", "nAVAX", 9, "AVAX", 18));
        b.evm("base", 60, 8453, 12, ethUnits("ETH"));
        b.evm("base_goerli", 60, 84531, 12, ethUnits("ETH"));
        b.evm("base_sepolia", 60, 84532, 12, ethUnits("ETH"));
        b.evm("blast", 60, 81457, 12, ethUnits("ETH"));
        b.evm("blast_sepolia", 60, 168587773, 12, ethUnits("ETH"));
        b.evm("bsc", 60, 56, 15, ethUnits("BNB"));
        b.evm("celo", 52752, 42220, 1, units("wei", "CELO", 18));
        b.evm("celo_alfajores", 52752, 44787, 1, units("wei", "CELO", 18));
        b.evm("cronos", 60, 25, 1, units("wei", "CRO", 18));
        b.evm("cronos_testnet", 60, 338, 1, units("wei", "TCRO", 18));
        b.evm("etherlink", 60, 42793, 1, ethUnits("XTZ"));
        b.evm("fantom", 60, 250, 1, ethUnits("FTM"));
        b.evm("fantom_testnet", 60, 4002, 1, ethUnits("FTM"));
        b.evm("filecoin", 461, 314, 900, units("attoFIL", "FIL", 18));
        b.evm("filecoin_calibration", 461, 314159, 900, units("attoFIL", "tFIL", 18));
        b.evm("flare", 60, 14, 1, ethUnits("FLR"));
        b.evm("flare_coston", 60, 16, 1, ethUnits("CFLR"));
        b.evm("kava_evm", 60, 2222, 1, units("wei", "KAVA", 18));
        b.evm("kava_evm_testnet", 60, 2221, 1, units("wei", "TKAVA", 18));
        b.evm("klaytn", 60, 8217, 1, ethUnits("KLAY"));
        b.evm("klaytn_baobab", 60, 1001, 1, ethUnits("KLAY"));
        b.evm("linea", 60, 59144, 12, ethUnits("ETH"));
        b.evm("mantle", 60, 5000, 12, units("wei", "MNT", 18));
        b.evm("mantle_sepolia", 60, 5003, 12, units("wei", "MNT", 18));
        b.evm("neon_evm", 60, 245022934, 32, ethUnits("NEON"));
        b.evm("optimism", 60, 10, 12, ethUnits("ETH"));
        b.evm("optimism_goerli", 60, 420, 12, ethUnits("ETH"));
        b.evm("optimism_sepolia", 60, 11155420, 12, ethUnits("ETH"));
        b.polygon("polygon", 137, ethUnits("POL"));
        b.polygon("polygon_amoy", 80002, units("wei", "POL", 18));
        b.polygon("polygon_mumbai", 80001, units("wei", "MATIC", 18));
        b.evm("polygon_zk_evm", 60, 1101, 12, ethUnits("ETH"));
        b.evm("polygon_zk_evm_testnet", 60, 1442, 12, ethUnits("ETH"));
        b.evm("pulsechain", 60, 369, 12, units("wei", "PLS", 18));
        b.evm("pulsechain_testnet", 60, 943, 12, units("wei", "tPLS", 18));
        b.evm("scroll", 60, 534352, 12, ethUnits("ETH"));
        b.evm("scroll_sepolia", 60, 534351, 12, ethUnits("ETH"));
        b.evm("sonic", 60, 146, 1, ethUnits("S"));
        b.evm("tomo", 889, 88, 1, units("wei", "TOMO", 18));
        b.evm("tomo_testnet", 889, 89, 1, units("wei", "TOMO", 18));
        // Other families.
        b.other("cardano", Family.CARDANO, AccountType.Cardano, 1815, 15, units("Lovelace", "ADA", 6), new CardanoAddresses());
        b.other("cosmos", Family.COSMOS, AccountType.Cosmos, 118, 1, units("uatom", "ATOM", 6), new CosmosAddresses("cosmos"));
        b.other("near", Family.NEAR, AccountType.Near, 397, 1, units("yoctoNEAR", "NEAR", 24), new NearAddresses());
        b.other("polkadot", Family.POLKADOT, AccountType.Polkadot, 354, 1, units("PLANCK", "DOT", 10), new PolkadotAddresses(0));
        b.other("westend", Family.POLKADOT, AccountType.Polkadot, 354, 1, units("PLANCK", "WND", 12), new PolkadotAddresses(42));
        b.other("ripple", Family.RIPPLE, AccountType.Ripple, 144, 1, units("drop", "XRP", 6), new RippleAddresses());
        b.other("solana", Family.SOLANA, AccountType.Solana, 501, 1, units("lamports", "SOL", 9), new SolanaAddresses());
        b.other("solana_devnet", Family.SOLANA, AccountType.Solana, 501, 1, units("lamports", "SOL", 9), new SolanaAddresses());
        b.other("solana_testnet", Family.SOLANA, AccountType.Solana, 501, 1, units("lamports", "SOL", 9), new SolanaAddresses());
        b.other("stellar", Family.STELLAR, AccountType.Stellar, 148, 1, units("stroop", "XLM", 7), new StellarAddresses());
        b.other("tezos", Family.TEZOS, AccountType.Tezos, 1729, 30, units("mutez", "XTZ", 6), new TezosAddresses());
        b.tron("tron", 195, 19, units("sun", "TRX", 6));
        return new CurrencyCatalog(currencies, indexTokens(KnownTokens.all()));
    }

    public List<Currency> currencies() {
        return List.copyOf(currencies.values());
    }

    public Optional<Currency> currency(String name) {
        return Optional.ofNullable(currencies.get(name));
    }

    public List<Token> tokens() {
        return List.copyOf(tokens.values());
    }

    /** A token by network and contract address; the address is matched without regard to case. */
    public Optional<Token> token(String parent, String contractAddress) {
        return Optional.ofNullable(tokens.get(tokenKey(parent, contractAddress)));
    }

    private static Map<String, Token> indexTokens(List<Token> all) {
        Map<String, Token> index = new LinkedHashMap<>();
        for (Token token : all) {
            if (index.put(tokenKey(token.parent(), token.contractAddress()), token) != null) {
                throw new IllegalStateException("duplicate token " + token.assetKey());
            }
        }
        return index;
    }

    private static String tokenKey(String parent, String contractAddress) {
        return parent + ":" + contractAddress.toLowerCase(Locale.ROOT);
    }

    private static BitcoinAddresses btc(int p2pkh, List<Integer> p2sh, String hrp) {
        return new BitcoinAddresses(p2pkh, p2sh, Optional.ofNullable(hrp));
    }

    /** Ether-style units: X (18), Gwei (9), Mwei (6), Kwei (3), wei (0). */
    private static List<Unit> ethUnits(String code) {
        return List.of(new Unit("wei", 0), new Unit("Kwei", 3), new Unit("Mwei", 6), new Unit("Gwei", 9), new Unit(code, 18));
    }

    /** A base unit followed by (code, magnitude) pairs, smallest first. */
    private static List<Unit> units(String base, Object... pairs) {
        List<Unit> units = new ArrayList<>();
        units.add(new Unit(base, 0));
        for (int i = 0; i < pairs.length; i += 2) {
            units.add(new Unit((String) pairs[i], (Integer) pairs[i + 1]));
        }
        return units;
    }

    /** Adds catalog entries with the defaults of each family. */
    private record Builder(Map<String, Currency> currencies) {

        void fiat(String name, String code) {
            add(new Currency(name, Family.FIAT, true, units("cent", code, 2), 0, 0, Optional.empty(),
                    new NoAddresses(), AccountType.Generic, Optional.empty()));
        }

        void bitcoin(String name, int coinType, int confirmations, List<Unit> units, AddressFormat addresses) {
            add(new Currency(name, Family.BITCOIN, false, units, confirmations, coinType, Optional.empty(), addresses,
                    AccountType.Bitcoin, Optional.empty()));
        }

        void evm(String name, int coinType, long chainId, int confirmations, List<Unit> units) {
            AccountType tokens = name.equals("bsc") ? AccountType.Bep20 : AccountType.Erc20;
            add(new Currency(name, Family.ETHEREUM, false, units, confirmations, coinType, Optional.of(chainId), EVM,
                    AccountType.Ethereum, Optional.of(tokens)));
        }

        void polygon(String name, long chainId, List<Unit> units) {
            add(new Currency(name, Family.POLYGON, false, units, 128, 60, Optional.of(chainId), EVM,
                    AccountType.Polygon, Optional.of(AccountType.Erc20)));
        }

        void tron(String name, int coinType, int confirmations, List<Unit> units) {
            add(new Currency(name, Family.TRON, false, units, confirmations, coinType, Optional.empty(),
                    new TronAddresses(), AccountType.Tron, Optional.of(AccountType.Trc20)));
        }

        void other(String name, Family family, AccountType type, int coinType, int confirmations, List<Unit> units,
                   AddressFormat addresses) {
            add(new Currency(name, family, false, units, confirmations, coinType, Optional.empty(), addresses, type,
                    Optional.empty()));
        }

        private void add(Currency currency) {
            if (currencies.put(currency.name(), currency) != null) {
                throw new IllegalStateException("duplicate currency " + currency.name());
            }
        }
    }
}
