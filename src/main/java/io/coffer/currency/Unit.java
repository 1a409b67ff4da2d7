package io.coffer.currency;

/**
 * A display unit of a currency: {@code magnitude} is the power of ten it is worth in base units
 * (the unit with magnitude 0 is the base unit every amount is written in).
 */
public record Unit(String code, int magnitude) {
}
