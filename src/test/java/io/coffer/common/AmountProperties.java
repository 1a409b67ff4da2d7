package io.coffer.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Amounts are exact base units between 0 and 2^256-1: parsing, formatting and arithmetic. */
class AmountProperties {

    static final BigInteger MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

    @Provide
    Arbitrary<BigInteger> amounts() {
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, MAX),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(1000)),
                Arbitraries.bigIntegers().between(MAX.subtract(BigInteger.valueOf(1000)), MAX),
                Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, MAX, BigInteger.TWO.pow(64), BigInteger.TWO.pow(63)));
    }

    @Property
    void formattingThenParsingGivesTheSameAmount(@ForAll("amounts") BigInteger value) {
        Amount amount = Amount.of(value);
        assertThat(amount.toString()).isEqualTo(value.toString());
        assertThat(Amount.parse(amount.toString())).contains(amount);
    }

    @Property
    void plusThenMinusIsIdentity(@ForAll("amounts") BigInteger a, @ForAll("amounts") BigInteger b) {
        BigInteger sum = a.add(b);
        if (sum.compareTo(MAX) > 0) {
            assertThatThrownBy(() -> Amount.of(a).plus(Amount.of(b))).isInstanceOf(IllegalArgumentException.class);
        } else {
            assertThat(Amount.of(a).plus(Amount.of(b)).minus(Amount.of(b))).isEqualTo(Amount.of(a));
        }
    }

    @Property
    void minusNeverGoesNegative(@ForAll("amounts") BigInteger a, @ForAll("amounts") BigInteger b) {
        if (a.compareTo(b) >= 0) {
            assertThat(Amount.of(a).minus(Amount.of(b)).value()).isEqualTo(a.subtract(b));
        } else {
            assertThatThrownBy(() -> Amount.of(a).minus(Amount.of(b))).isInstanceOf(ArithmeticException.class);
        }
    }

    @Example
    void boundsAreZeroAndTwoToThe256MinusOne() {
        assertThat(Amount.parse("0")).contains(Amount.ZERO);
        assertThat(Amount.parse(MAX.toString())).contains(Amount.of(MAX));
        assertThat(MAX.toString()).hasSize(78);
        assertThat(Amount.parse(MAX.add(BigInteger.ONE).toString())).isEmpty();
        assertThatThrownBy(() -> Amount.of(MAX.add(BigInteger.ONE))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Amount.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void onlyPlainDigitsParse() {
        for (String bad : new String[] {"", "-1", "+1", "1.0", "1e3", " 1", "1 ", "0x10", "１", "1_000", "9".repeat(79)}) {
            assertThat(Amount.parse(bad)).as(bad).isEmpty();
        }
        assertThat(Amount.parse("007")).contains(Amount.of(7));
    }
}
