package io.coffer.transaction;

import java.math.BigInteger;

/**
 * The fee market of the simulated networks: a fixed EVM base fee with a priority fee per speed,
 * and a Bitcoin-like fee rate per speed.
 */
public final class FeeSchedule {

    static final BigInteger GWEI = BigInteger.TEN.pow(9);
    /** The base fee of every simulated EVM network: 20 gwei. */
    static final BigInteger EVM_BASE_FEE = GWEI.multiply(BigInteger.valueOf(20));
    /** Gas of a plain value transfer. */
    static final BigInteger NATIVE_TRANSFER_GAS = BigInteger.valueOf(21_000);
    /** Gas limit offered for a token transfer, and the gas one uses. */
    static final BigInteger TOKEN_TRANSFER_GAS_LIMIT = BigInteger.valueOf(65_000);
    static final BigInteger TOKEN_TRANSFER_GAS_USED = BigInteger.valueOf(52_000);
    /** No transaction may ask for more gas than a block holds (Ethereum mainnet's 30 million). */
    static final BigInteger BLOCK_GAS_LIMIT = BigInteger.valueOf(30_000_000);
    /**
     * A CUSTOM fee may cost at most this many times the FAST estimate of the same transfer (EVM:
     * gas_limit × max fee per gas against the FAST maximum; Bitcoin-like: the rate against FAST's).
     * Fees leave the account for good, so a slip of the finger or an operator paying "fees" to a
     * miner it controls must not be able to drain it.
     */
    static final BigInteger MAX_CUSTOM_MULTIPLE = BigInteger.TEN;

    private FeeSchedule() {
    }

    /** Priority fee per gas for a speed (kept below 2^31 wei, as clients read it as a 32-bit integer). */
    static BigInteger priorityFee(SendIntent.SpeedLevel speed) {
        return switch (speed) {
            case SLOW -> GWEI;
            case NORMAL -> GWEI.multiply(BigInteger.valueOf(3)).divide(BigInteger.TWO);
            case FAST -> GWEI.multiply(BigInteger.TWO);
        };
    }

    /** Satoshis per virtual byte for a speed. */
    static BigInteger feeRate(SendIntent.SpeedLevel speed) {
        return BigInteger.valueOf(switch (speed) {
            case SLOW -> 2;
            case NORMAL -> 5;
            case FAST -> 10;
        });
    }
}
