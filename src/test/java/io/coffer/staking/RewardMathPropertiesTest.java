package io.coffer.staking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Rewards paid in pieces, each floored with its remainder carried, add up to exactly the floor of
 * amount × rate × total time: never more than the rate allows, and no unit lost.
 */
class RewardMathPropertiesTest {

    @Property(tries = 500)
    void piecesAddUpToTheWholeExactly(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long amountLow,
                                      @ForAll @IntRange(min = 0, max = 80) int amountShift,
                                      @ForAll @IntRange(min = 0, max = 10_000) int rateBps,
                                      @ForAll @Size(min = 1, max = 50) List<@LongRange(min = 0, max = 1_000_000) Long> pieces) {
        BigInteger amount = BigInteger.valueOf(amountLow).shiftLeft(amountShift);
        BigInteger carry = BigInteger.ZERO;
        BigInteger paid = BigInteger.ZERO;
        long seconds = 0;
        for (long piece : pieces) {
            RewardMath.Accrual accrual = RewardMath.accrue(amount, rateBps, piece, carry);
            assertThat(accrual.reward().signum()).isGreaterThanOrEqualTo(0);
            assertThat(accrual.carry()).isBetween(BigInteger.ZERO, RewardMath.DIVISOR.subtract(BigInteger.ONE));
            paid = paid.add(accrual.reward());
            carry = accrual.carry();
            seconds += piece;
        }
        BigInteger exact = amount.multiply(BigInteger.valueOf(rateBps)).multiply(BigInteger.valueOf(seconds));
        // Never above what the rate allows over the time, never a unit short of it.
        assertThat(paid.multiply(RewardMath.DIVISOR)).isLessThanOrEqualTo(exact);
        assertThat(paid).isEqualTo(exact.divide(RewardMath.DIVISOR));
        assertThat(paid.multiply(RewardMath.DIVISOR).add(carry)).isEqualTo(exact);
    }

    @Property(tries = 300)
    void periodPaymentsTileTheTimeAndPayNoMoreThanTheRate(
            @ForAll Chain chain,
            @ForAll @LongRange(min = 1_600_000_000_000L, max = 1_900_000_000_000L) long fromMillis,
            @ForAll @LongRange(min = 0, max = 400L * 86_400_000L) long spanMillis,
            @ForAll @LongRange(min = 0, max = 1_000_000_000_000_000_000L) long amount,
            @ForAll @IntRange(min = 0, max = 10_000) int rateBps,
            @ForAll boolean partial) {
        java.time.Instant from = java.time.Instant.ofEpochMilli(fromMillis);
        java.time.Instant until = from.plusMillis(spanMillis);
        List<RewardMath.Segment> segments = RewardMath.segments(chain, from, until, partial, Integer.MAX_VALUE);
        BigInteger carry = BigInteger.ZERO;
        BigInteger paid = BigInteger.ZERO;
        long seconds = 0;
        java.time.Instant at = from;
        for (RewardMath.Segment segment : segments) {
            // Contiguous, one period each, every end but a partial last one on a period boundary.
            assertThat(segment.start()).isEqualTo(at);
            assertThat(chain.periodOf(segment.start())).isEqualTo(segment.period());
            assertThat(segment.end()).isAfter(segment.start());
            assertThat(segment.end()).isBeforeOrEqualTo(chain.periodStart(segment.period() + 1));
            RewardMath.Accrual accrual = RewardMath.accrue(BigInteger.valueOf(amount), rateBps, segment.seconds(), carry);
            paid = paid.add(accrual.reward());
            carry = accrual.carry();
            seconds += segment.seconds();
            at = segment.end();
        }
        java.time.Instant paidUpTo = partial ? until : chain.periodStart(chain.periodOf(until));
        if (!paidUpTo.isAfter(from)) {
            assertThat(segments).isEmpty();
            return;
        }
        assertThat(at).isEqualTo(paidUpTo);
        // Whole seconds paid are at most the time elapsed, and lose at most one second per segment.
        long elapsed = java.time.Duration.between(from, paidUpTo).toSeconds();
        assertThat(seconds).isBetween(elapsed - segments.size(), elapsed);
        BigInteger allowed = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(rateBps))
                .multiply(BigInteger.valueOf(elapsed)).divide(RewardMath.DIVISOR);
        assertThat(paid).isLessThanOrEqualTo(allowed);
        assertThat(paid).isEqualTo(BigInteger.valueOf(amount).multiply(BigInteger.valueOf(rateBps))
                .multiply(BigInteger.valueOf(seconds)).divide(RewardMath.DIVISOR));
    }

    @Property(tries = 200)
    void aYearAtTheRatePaysTheRate(@ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long amount,
                                   @ForAll @IntRange(min = 0, max = 10_000) int rateBps) {
        RewardMath.Accrual year = RewardMath.accrue(BigInteger.valueOf(amount), rateBps, RewardMath.YEAR_SECONDS,
                BigInteger.ZERO);
        assertThat(year.reward()).isEqualTo(BigInteger.valueOf(amount).multiply(BigInteger.valueOf(rateBps))
                .divide(BigInteger.valueOf(10_000)));
    }

    @Property(tries = 50)
    void negativeInputsAreRefused(@ForAll @LongRange(min = Long.MIN_VALUE, max = -1) long seconds) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RewardMath.accrue(BigInteger.ONE, 100, seconds,
                BigInteger.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
