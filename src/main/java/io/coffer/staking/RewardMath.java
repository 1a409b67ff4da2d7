package io.coffer.staking;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The reward of a stake over some seconds at a yearly rate, in exact integers:
 * {@code amount × rateBps × seconds / (10,000 × 31,536,000)}, floored, with the remainder carried to
 * the next payment. So the rewards paid over any run of payments add up to exactly the floor of the
 * same formula over their total time: nothing above the rate, no unit lost.
 */
public final class RewardMath {

    /** Seconds in the 365-day year the rates are quoted for. */
    public static final long YEAR_SECONDS = 31_536_000L;
    /** The divisor of one payment: basis points times seconds in a year. */
    public static final BigInteger DIVISOR = BigInteger.valueOf(10_000L * YEAR_SECONDS);

    /** One stretch of time paid at once: the part of a period between two instants. */
    public record Segment(long period, Instant start, Instant end) {
        /** Whole seconds in the segment (a fraction of a second is not paid). */
        public long seconds() {
            return Duration.between(start, end).toSeconds();
        }
    }

    /** One payment and the remainder left for the next. */
    public record Accrual(BigInteger reward, BigInteger carry) {
    }

    private RewardMath() {
    }

    /**
     * The stretches to pay from {@code from} on: one per period end up to {@code until}, and with
     * {@code partial} the rest up to {@code until} too; at most {@code max} of them.
     */
    public static List<Segment> segments(Chain chain, Instant from, Instant until, boolean partial, int max) {
        List<Segment> segments = new ArrayList<>();
        Instant start = from;
        while (start.isBefore(until) && segments.size() < max) {
            long period = chain.periodOf(start);
            Instant end = chain.periodStart(period + 1);
            if (end.isAfter(until)) {
                if (!partial) {
                    break;
                }
                end = until;
            }
            segments.add(new Segment(period, start, end));
            start = end;
        }
        return segments;
    }

    /**
     * @param carry the remainder left by the previous payment (0 to {@link #DIVISOR} - 1)
     */
    public static Accrual accrue(BigInteger amount, int rateBps, long seconds, BigInteger carry) {
        if (amount.signum() < 0 || rateBps < 0 || seconds < 0 || carry.signum() < 0 || carry.compareTo(DIVISOR) >= 0) {
            throw new IllegalArgumentException("rewards accrue on non-negative amounts, rates and times");
        }
        BigInteger[] split = amount.multiply(BigInteger.valueOf(rateBps)).multiply(BigInteger.valueOf(seconds)).add(carry)
                .divideAndRemainder(DIVISOR);
        return new Accrual(split[0], split[1]);
    }
}
