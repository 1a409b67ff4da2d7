package io.coffer.transaction;

import io.coffer.common.Amount;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The filters of a transactions search; every present filter must match ({@code labels}: any of these label names). */
public record TransactionFilter(
        Optional<Long> id,
        List<Long> accounts,
        List<String> currencies,
        List<TransactionStatus> statuses,
        Optional<TransactionType> type,
        Optional<String> txHash,
        Optional<String> recipient,
        Optional<Amount> minAmount,
        Optional<Amount> maxAmount,
        Optional<String> title,
        Optional<Instant> createdAfter,
        Optional<Instant> createdBefore,
        List<String> labels,
        boolean matchNothing) {

    public TransactionFilter {
        accounts = List.copyOf(accounts);
        currencies = List.copyOf(currencies);
        statuses = List.copyOf(statuses);
        labels = List.copyOf(labels);
    }
}
