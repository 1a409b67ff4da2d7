package io.coffer.compliance;

import java.time.Instant;

/**
 * The score of an incoming transaction whose sender is on a list: the transaction is kept (the
 * chain made it) and carries this flag, shown as the spec's {@code TransactionCompliance}.
 *
 * @param registrationId the id of the screening (the spec's {@code registration_ids.chainalysis})
 * @param severity the grade of the alert; its Ledger risk is the transaction's risk
 * @param alertId the id of the one alert (the spec's {@code provider_id})
 * @param category the matched category: {@code sanctions}, or the high-risk list's category
 * @param service the list that matched, named for people
 * @param screenedOn when it was scored (workspace clock)
 */
public record TransactionScreening(String registrationId, Severity severity, String alertId, String category,
                                   String service, Instant screenedOn) {

    public Risk risk() {
        return severity.risk();
    }
}
