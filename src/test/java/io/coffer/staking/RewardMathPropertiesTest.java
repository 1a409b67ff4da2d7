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
