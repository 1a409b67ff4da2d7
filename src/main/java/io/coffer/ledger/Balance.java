package io.coffer.ledger;

import io.coffer.common.Amount;

/**
 * An account's balance, by bucket, with the figures the API reports:
 * {@code total = confirmed + incoming}, {@code pending = incoming + outgoing},
 * {@code available = confirmed - outgoing}, so {@code total = available + pending}.
 *
 * @param dust the part of {@code confirmed} held in outputs too small to spend (Bitcoin-like only)
 */
public record Balance(Amount confirmed, Amount incoming, Amount outgoing, Amount dust) {

    public static final Balance ZERO = new Balance(Amount.ZERO, Amount.ZERO, Amount.ZERO, Amount.ZERO);

    public Balance {
        if (!confirmed.isAtLeast(outgoing)) {
            throw new IllegalStateException("outgoing " + outgoing + " exceeds confirmed " + confirmed);
        }
    }

    public Amount total() {
        return confirmed.plus(incoming);
    }

    public Amount pending() {
        return incoming.plus(outgoing);
    }

    public Amount available() {
        return confirmed.minus(outgoing);
    }

    public Amount bucket(Bucket bucket) {
        return switch (bucket) {
            case CONFIRMED -> confirmed;
            case INCOMING -> incoming;
            case OUTGOING -> outgoing;
        };
    }

    Balance with(Bucket bucket, Amount value) {
        return switch (bucket) {
            case CONFIRMED -> new Balance(value, incoming, outgoing, dust);
            case INCOMING -> new Balance(confirmed, value, outgoing, dust);
            case OUTGOING -> new Balance(confirmed, incoming, value, dust);
        };
    }

    Balance withDust(Amount value) {
        return new Balance(confirmed, incoming, outgoing, value);
    }
}
