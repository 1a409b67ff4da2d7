package io.coffer.transaction;

import io.coffer.account.Account;
import io.coffer.common.Amount;
import io.coffer.currency.Currency;
import io.coffer.currency.Token;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The confirmed balance of an account at regular dates. */
public record BalanceHistory(Account account, Currency currency, Optional<Token> token, List<Point> points) {

    /** The confirmed balance at a date. */
    public record Point(Instant date, Amount value) {
    }

    public BalanceHistory {
        points = List.copyOf(points);
    }
}
