package io.coffer.common;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A non-negative amount in a currency's base unit (satoshi, wei, ...), bounded by 2^256 - 1.
 *
 * <p>Arithmetic is exact or it fails: nothing here ever rounds, wraps or goes through a
 * floating-point type.
 */
public record Amount(BigInteger value) implements Comparable<Amount> {

    /** The largest representable amount, the EVM {@code uint256} maximum. */
    public static final BigInteger MAX_VALUE = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
    /** Digits of {@link #MAX_VALUE}; also the precision of the SQL column ({@code NUMERIC(78,0)}). */
    public static final int MAX_DIGITS = 78;
    public static final Amount ZERO = new Amount(BigInteger.ZERO);

    public Amount {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + value);
        }
        if (value.compareTo(MAX_VALUE) > 0) {
            throw new IllegalArgumentException("amount exceeds 2^256-1");
        }
    }

    public static Amount of(long baseUnits) {
        return new Amount(BigInteger.valueOf(baseUnits));
    }

    public static Amount of(BigInteger baseUnits) {
        return new Amount(baseUnits);
    }

    /**
     * Parses a base-unit decimal string: ASCII digits only, at most 78 of them, within 2^256-1.
     *
     * @return the amount, or empty when the text is not a valid amount
     */
    public static java.util.Optional<Amount> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_DIGITS) {
            return java.util.Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return java.util.Optional.empty();
            }
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(MAX_VALUE) > 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Amount(value));
    }

    /** Adds; only for sums that cannot exceed the bound (parts of a balance already checked). */
    public Amount plus(Amount other) {
        return new Amount(value.add(other.value));
    }

    /** Adds amounts that come from input: a sum above 2^256-1 is a refusal naming what was added, never an exception. */
    public Outcome<Amount> plusWithin(Amount other, String what) {
        BigInteger sum = value.add(other.value);
        return sum.compareTo(MAX_VALUE) > 0 ? Outcome.invalid(what + " exceed 2^256-1 base units")
                : Outcome.ok(new Amount(sum));
    }

    /** Subtracts, failing with {@link ArithmeticException} if the result would be negative. */
    public Amount minus(Amount other) {
        BigInteger result = value.subtract(other.value);
        if (result.signum() < 0) {
            throw new ArithmeticException("amount would go negative: " + value + " - " + other.value);
        }
        return new Amount(result);
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public boolean isAtLeast(Amount other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(Amount other) {
        return value.compareTo(other.value);
    }

    /** The canonical base-unit string, as sent in JSON. */
    @Override
    public String toString() {
        return value.toString();
    }
}
