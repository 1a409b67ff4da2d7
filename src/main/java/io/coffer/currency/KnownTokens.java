package io.coffer.currency;

import java.util.List;

/**
 * The token contracts Coffer knows: real mainnet contracts with their real decimals
 * (sources in docs/currencies.md).
 */
final class KnownTokens {

    private KnownTokens() {
    }

    static List<Token> all() {
        return List.of(
                erc20("0xdAC17F958D2ee523a2206206994597C13D831ec7", "USD Tether (erc20)", "USDT", 6),
                erc20("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", "USD Coin", "USDC", 6),
                erc20("0x6B175474E89094C44Da98b954EedeAC495271d0F", "Dai Stablecoin v2.0", "DAI", 18),
                erc20("0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599", "Wrapped Bitcoin", "WBTC", 8),
                erc20("0x514910771AF9Ca656af840dff83E8264EcF986CA", "Chainlink", "LINK", 18),
                erc20("0x1f9840a85d5aF5bf1D1762F925BDADdC4201F984", "Uniswap", "UNI", 18),
                erc20("0x7Fc66500c84A76Ad7e9c93437bFc5Ac33E2DDaE9", "Aave", "AAVE", 18),
                erc20("0x9f8F72aA9304c8B593d555F12eF6589cC3A579A2", "MakerDAO", "MKR", 18),
                erc20("0x95aD61b0a150d79219dCF64E1E6Cc01f0B64C4cE", "Shiba Inu", "SHIB", 18),
                erc20("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", "Wrapped Ether", "WETH", 18),
                erc20("0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84", "Lido Staked Ether", "stETH", 18),
                erc20("0x5A98FcBEA516Cf06857215779Fd812CA3beF1B32", "Lido DAO Token", "LDO", 18),
                erc20("0xD533a949740bb3306d119CC777fa900bA034cd52", "Curve DAO Token", "CRV", 18),
                erc20("0xc00e94Cb662C3520282E6f5717214004A7f26888", "Compound", "COMP", 18),
                erc20("0xC011a73ee8576Fb46F5E1c5751cA3B9Fe0af2a6F", "Synthetix", "SNX", 18),
                erc20("0x6B3595068778DD592e39A122f4f5a5cF09C90fE2", "Sushi", "SUSHI", 18),
                erc20("0x0bc529c00C6401aEF6D220BE8C6Ea1667F6Ad93e", "yearn.finance", "YFI", 18),
                erc20("0x0D8775F648430679A709E98d2b0Cb6250d2887EF", "Basic Attention Token", "BAT", 18),
                erc20("0xE41d2489571d322189246DaFA5ebDe1F4699F498", "0x Project", "ZRX", 18),
                erc20("0xC18360217D8F7Ab5e7c516566761Ea12Ce7F9D72", "Ethereum Name Service", "ENS", 18),
                erc20("0xc944E90C64B2c07662A292be6244BDf05Cda44a7", "Graph Token", "GRT", 18),
                erc20("0x111111111117dC0aa78b770fA6A738034120C302", "1INCH Token", "1INCH", 18),
                erc20("0x45804880De22913dAFE09f4980848ECE6EcbAf78", "Paxos Gold", "PAXG", 18),
                erc20("0x4d224452801ACEd8B2F0aebE155379bb5D594381", "ApeCoin", "APE", 18),
                erc20("0x0F5D2fB29fb7d3CFeE444a200298f468908cC942", "Decentraland MANA", "MANA", 18),
                erc20("0x3845badAde8e6dFF049820680d1F14bD3903a5d0", "The Sandbox", "SAND", 18),
                erc20("0x4a220E6096B25EADb88358cb44068A3248254675", "Quant", "QNT", 18),
                erc20("0x6c3ea9036406852006290770BEdFcAbA0e23A0e8", "PayPal USD", "PYUSD", 6),
                erc20("0x056Fd409E1d7A124BD7017459dFEa2F387b6d5Cd", "Gemini dollar", "GUSD", 2),
                erc20("0x853d955aCEf822Db058eb8505911ED77F175b99e", "Frax", "FRAX", 18),
                erc20("0x3506424F91fD33084466F402d5D97f05F8e3b4AF", "Chiliz", "CHZ", 18),
                erc20("0xF57e7e7C23978C3cAEC3C3548E3D615c346e79fF", "Immutable X", "IMX", 18),
                erc20("0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0", "Wrapped stETH", "wstETH", 18),
                erc20("0xae78736Cd615f374D3085123A210448E74Fc6393", "Rocket Pool ETH", "rETH", 18),
                erc20("0xBe9895146f7AF43049ca1c1AE358B0541Ea49704", "Coinbase Wrapped Staked ETH", "cbETH", 18),
                erc20("0x6982508145454Ce325dDbE47a25d4ec3d2311933", "Pepe", "PEPE", 18),
                erc20("0x3c3a81e81dc49A522A592e7622A7E711c06bf354", "Mantle", "MNT", 18),
                erc20("0x4c9EDD5852cd905f086C759E8383e09bff1E68B3", "USDe", "USDe", 18),
                erc20("0x7D1AfA7B718fb893dB30A3aBc0Cfc608AaCfeBB0", "Matic Token", "MATIC", 18),
                erc20("0x455e53CBB86018Ac2B8092FdCd39d8444aFFC3F6", "Polygon Ecosystem Token", "POL", 18),
                erc20("0xB50721BCf8d664c30412Cfbc6cf7a15145234ad1", "Arbitrum", "ARB", 18),
                token("bsc", "0x55d398326f99059fF775485246999027B3197955", "Binance-Peg BSC-USD", "USDT", 18),
                token("bsc", "0x8AC76a51cc950d9822D68b83fE1Ad97B32Cd580d", "Binance-Peg USD Coin", "USDC", 18),
                token("bsc", "0xe9e7CEA3DedcA5984780Bafc599bD69ADd087D56", "Binance-Peg BUSD", "BUSD", 18),
                token("bsc", "0xbb4CdB9CBd36B01bD1cBaEBF2De08d9173bc095c", "Wrapped BNB", "WBNB", 18),
                token("bsc", "0x0E09FaBB73Bd3Ade0a17ECC321fD13a19e81cE82", "PancakeSwap Token", "CAKE", 18),
                token("polygon", "0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359", "USD Coin", "USDC", 6),
                token("polygon", "0x2791Bca1f2de4661ED88A30C99A7a9449Aa84174", "USD Coin (PoS)", "USDC.e", 6),
                token("polygon", "0xc2132D05D31c914a87C6611C10748AEb04B58e8F", "Tether USD (PoS)", "USDT", 6),
                token("polygon", "0x8f3Cf7ad23Cd3CaDbD9735AFf958023239c6A063", "(PoS) Dai Stablecoin", "DAI", 18),
                token("polygon", "0x7ceB23fD6bC0adD59E62ac25578270cFf1b9f619", "Wrapped Ether", "WETH", 18));
    }

    private static Token erc20(String contract, String name, String ticker, int decimals) {
        return token("ethereum", contract, name, ticker, decimals);
    }

    private static Token token(String parent, String contract, String name, String ticker, int decimals) {
        return new Token(parent, contract, name, ticker, decimals);
    }
}
