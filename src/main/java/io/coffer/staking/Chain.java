package io.coffer.staking;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The four networks whose staking Coffer simulates, with their reward period (Ethereum pays daily,
 * Solana and Cardano per epoch, Tezos per cycle), default yearly rate and flat network fee.
 * Periods are counted from the Unix epoch, so period {@code n} covers
 * {@code [n × length, (n + 1) × length)} seconds on the workspace clock.
 */
public enum Chain {
    ETHEREUM(86_400, 300, "3000000000000000"),
    SOLANA(172_800, 650, "5000"),
    TEZOS(259_200, 550, "1420"),
    CARDANO(432_000, 300, "200000");

    /** The most a yearly rate may be, in basis points (100%). */
    public static final int MAX_RATE_BPS = 10_000;

    private final long periodSeconds;
    private final int defaultRateBps;
    private final String fee;

    Chain(long periodSeconds, int defaultRateBps, String fee) {
        this.periodSeconds = periodSeconds;
        this.defaultRateBps = defaultRateBps;
        this.fee = fee;
    }

    /** Seconds in one reward period (day, epoch or cycle). */
    public long periodSeconds() {
        return periodSeconds;
    }

    public int defaultRateBps() {
        return defaultRateBps;
    }

    /** The flat network fee of a staking transaction, in base units. */
    public java.math.BigInteger fee() {
        return new java.math.BigInteger(fee);
    }

    /** The lower-case name used in paths ({@code /solana/accounts/...}) and bodies. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The period (epoch, cycle, day) an instant falls in. */
    public long periodOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), periodSeconds);
    }

    /** The first instant of a period. */
    public Instant periodStart(long period) {
        return Instant.ofEpochSecond(period * periodSeconds);
    }

    /** The chain whose stakes an account of this currency holds, if Coffer stakes it. */
    public static Optional<Chain> ofCurrency(String currency) {
        return switch (currency) {
            case "ethereum" -> Optional.of(ETHEREUM);
            case "solana", "solana_devnet", "solana_testnet" -> Optional.of(SOLANA);
            case "tezos" -> Optional.of(TEZOS);
            case "cardano" -> Optional.of(CARDANO);
            default -> Optional.empty();
        };
    }

    /** The chain named in a path or body, if it is one. */
    public static Optional<Chain> ofApiName(String name) {
        for (Chain chain : values()) {
            if (chain.apiName().equals(name)) {
                return Optional.of(chain);
            }
        }
        return Optional.empty();
    }
}
